using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// Customers, <c>userId</c>, <c>kind</c> and <c>entryPoint</c> refused before any rule applies
/// (docs/api.md "Customers are people"): the same under either rule profile, so run on the <c>document</c> host only.
/// A refused request changes nothing.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerInputTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    public static TheoryData<string> NotCustomers { get; } = new()
    {
        "us.123", "@bob", "US.", "US..1", "+0123456", "U.123", "USA.123", "US.ENT.", "US.12-3", "US.1 2", "US.\u00e91", "12345",
        "US." + new string('1', 257), "US.ENT." + new string('1', 257),
    };

    [Theory]
    [MemberData(nameof(NotCustomers))]
    public async Task AnythingButAPhoneOrABsuidIs400NamingTheCustomer(string customer)
    {
        var account = await _api.LiveAndApprovedAsync();
        var timestamp = Json.Iso(await _api.Now());

        (await _api.Inbound(account, new { customer, messageId = Ids.MessageId(), timestamp })).Invalid("customer");
        (await _api.Permit(account, customer, "session")).Invalid("customer");
        (await _api.Permit(account, customer, "template")).Invalid("customer");
        (await _api.Window(account, Uri.EscapeDataString(customer))).Invalid("customer");
        Assert.Equal(0, await _api.Recipients(account));
    }

    [Fact]
    public async Task TheLongestBsuidsAreCustomers()
    {
        var account = await _api.LiveAndApprovedAsync();

        foreach (var customer in new[] { "US." + new string('9', 256), "US.ENT." + new string('a', 256), "BR.x", "US.ENT" })
        {
            Assert.True((await _api.Wrote(account, customer)).Ok().Bool("open"), customer);
            Assert.True((await _api.Window(account, customer)).Ok().Bool("open"), customer);
        }
    }

    [Fact]
    public async Task APlusInThePathIsRefusedThoughBodiesTakeIt()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();

        Assert.True((await _api.Wrote(account, "+" + customer)).Ok().Bool("open"));

        (await _api.Window(account, "%2B" + customer)).Invalid("customer");
        Assert.True((await _api.Window(account, customer)).Ok().Bool("open"));
    }

    [Theory]
    [InlineData("420601234567")]
    [InlineData("+420601234567")]
    [InlineData("us.123")]
    [InlineData("")]
    [InlineData("US.")]
    public async Task AUserIdThatIsNotABsuidIs400NamingIt(string userId)
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();

        (await _api.Wrote(account, customer, userId)).Invalid("userId");
        (await _api.Permit(account, customer, "template", userId)).Invalid("userId");
        (await _api.Permit(account, customer, "sms", userId)).Invalid("type", "userId");

        Assert.False((await _api.Window(account, customer)).Ok().Bool("open"));
        Assert.Equal(0, await _api.Recipients(account));
    }

    [Theory]
    [InlineData("sms")]
    [InlineData("Call")]
    [InlineData("CALL")]
    [InlineData("")]
    public async Task AnUnknownKindIs400NamingIt(string kind)
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = People.Bsuid();

        (await _api.Inbound(account, new { customer, messageId = Ids.MessageId(), timestamp = Json.Iso(await _api.Now()), kind })).Invalid("kind");

        Assert.False((await _api.Window(account, customer)).Ok().Bool("open"));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("ad")]
    [InlineData("CTWA")]
    [InlineData("pageCta")]
    public async Task AnUnknownEntryPointIs400NamingIt(string entryPoint)
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = People.Bsuid();

        (await _api.Inbound(account, new { customer, messageId = Ids.MessageId(), timestamp = Json.Iso(await _api.Now()), entryPoint })).Invalid("entryPoint");

        Assert.False((await _api.Window(account, customer)).Ok().Bool("open"));
    }

    [Fact]
    public async Task EveryInvalidFieldIsNamedAtOnce()
    {
        var account = await _api.LiveAndApprovedAsync();

        (await _api.Inbound(account, new { customer = "@bob", userId = "bob", messageId = "", kind = "sms", entryPoint = "ad" }))
            .Invalid("customer", "userId", "messageId", "timestamp", "kind", "entryPoint");
        (await _api.Post(account.Number + "/permits", new { customer = "US..1", userId = "420601234567", type = "fax", messageId = "" }))
            .Invalid("customer", "userId", "type", "messageId");
    }

    [Fact]
    public async Task AKindOrEntryPointOfTheWrongJsonTypeIs400()
    {
        var account = await _api.LiveAndApprovedAsync();
        var timestamp = Json.Iso(await _api.Now());

        (await _api.Inbound(account, new { customer = Ids.Customer(), messageId = Ids.MessageId(), timestamp, kind = 1 }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        (await _api.Inbound(account, new { customer = Ids.Customer(), messageId = Ids.MessageId(), timestamp, entryPoint = new[] { "ctwa" } }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        (await _api.Post(account.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId(), userId = 5 }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
    }
}
