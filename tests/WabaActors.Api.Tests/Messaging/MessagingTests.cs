using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// Inbound messages and customer-service windows (docs/api.md "Messaging"), under both rule profiles
/// (<see cref="MessagingDocumentTests"/>, <see cref="MessagingMetaTests"/>). The accounts' reviews stay
/// pending: under <c>meta</c> that holds their sends, never the windows their customers open.
/// </summary>
public abstract class MessagingTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task InboundOpensTheWindowUntilTimestampPlus24Hours()
    {
        var account = await _api.LiveAsync();
        var customer = Ids.Customer();
        var timestamp = (await _api.Now()).AddMinutes(-10);

        var window = (await _api.Post(account.Number + "/inbound", new { customer, messageId = Ids.MessageId(), timestamp = Json.Iso(timestamp) })).Ok();

        Assert.True(window.Bool("open"));
        Assert.Equal(timestamp.AddHours(24), window.Instant("expiresAt"));
        Assert.Equal(window.ToJsonString(), (await _api.Get($"{account.Number}/windows/{customer}")).Ok().ToJsonString());
    }

    [Fact]
    public async Task InboundAcceptsATimestampWithAnOffset()
    {
        var account = await _api.LiveAsync();
        var customer = Ids.Customer();
        var timestamp = (await _api.Now()).AddMinutes(-1).ToOffset(TimeSpan.FromHours(2));

        var window = (await _api.Post(account.Number + "/inbound", new
        {
            customer, messageId = Ids.MessageId(), timestamp = timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture),
        })).Ok();

        Assert.Equal(timestamp.AddHours(24), window.Instant("expiresAt"));
    }

    [Fact]
    public async Task LaterInboundExtendsTheWindow()
    {
        var account = await _api.LiveAsync();
        var customer = Ids.Customer();
        var now = await _api.Now();
        (await _api.Post(account.Number + "/inbound", new { customer, messageId = Ids.MessageId(), timestamp = Json.Iso(now.AddHours(-2)) })).Ok();

        var window = (await _api.Post(account.Number + "/inbound", new { customer, messageId = Ids.MessageId(), timestamp = Json.Iso(now) })).Ok();

        Assert.Equal(now.AddHours(24), window.Instant("expiresAt"));
    }

    [Fact]
    public async Task RepeatedMessageIdChangesNothingAndAnswersTheWindowAsItStands()
    {
        var account = await _api.LiveAsync();
        var customer = Ids.Customer();
        var now = await _api.Now();
        var first = new { customer, messageId = Ids.MessageId(), timestamp = Json.Iso(now.AddHours(-1)) };
        (await _api.Post(account.Number + "/inbound", first)).Ok();
        var before = await _api.Snapshot(account);

        var repeated = (await _api.Post(account.Number + "/inbound", first)).Ok();

        Assert.Equal(now.AddHours(23), repeated.Instant("expiresAt"));
        Assert.Equal(before, await _api.Snapshot(account));

        (await _api.Post(account.Number + "/inbound", new { customer, messageId = Ids.MessageId(), timestamp = Json.Iso(now) })).Ok();
        var afterLater = (await _api.Post(account.Number + "/inbound", first)).Ok();

        Assert.Equal(now.AddHours(24), afterLater.Instant("expiresAt"));
    }

    [Fact]
    public async Task InboundOlderThanTheWindowOpensNothing()
    {
        var account = await _api.LiveAsync();
        var customer = Ids.Customer();

        var window = (await _api.Post(account.Number + "/inbound", new { customer, messageId = Ids.MessageId(), timestamp = Json.Iso((await _api.Now()).AddHours(-25)) })).Ok();

        Assert.False(window.Bool("open"));
        Assert.True(window.IsNull("expiresAt"));
    }

    [Fact]
    public async Task InboundUpTo5MinutesAheadIsAccepted()
    {
        var account = await _api.LiveAsync();
        var timestamp = (await _api.Now()).AddMinutes(4);

        var window = (await _api.Post(account.Number + "/inbound", new { customer = Ids.Customer(), messageId = Ids.MessageId(), timestamp = Json.Iso(timestamp) })).Ok();

        Assert.Equal(timestamp.AddHours(24), window.Instant("expiresAt"));
    }

    [Fact]
    public async Task InboundMoreThan5MinutesAheadIs422TimestampInFuture()
    {
        var account = await _api.LiveAsync();
        var customer = Ids.Customer();
        var before = await _api.Snapshot(account);

        (await _api.Post(account.Number + "/inbound", new { customer, messageId = Ids.MessageId(), timestamp = Json.Iso((await _api.Now()).AddMinutes(6)) }))
            .Problem(HttpStatusCode.UnprocessableEntity, "timestamp_in_future");

        var window = (await _api.Get($"{account.Number}/windows/{customer}")).Ok();
        Assert.False(window.Bool("open"));
        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task WindowIsClosedForACustomerNeverHeardFrom()
    {
        var account = await _api.LiveAsync();

        var window = (await _api.Get($"{account.Number}/windows/{Ids.Customer()}")).Ok();

        Assert.False(window.Bool("open"));
        Assert.True(window.IsNull("expiresAt"));
    }

    [Fact]
    public async Task WindowClosesAfter24Hours()
    {
        var account = await _api.LiveAsync();
        var customer = Ids.Customer();
        (await _api.Post(account.Number + "/inbound", new { customer, messageId = Ids.MessageId(), timestamp = Json.Iso(await _api.Now()) })).Ok();

        await _api.Advance(TimeSpan.FromHours(24));

        Assert.False((await _api.Get($"{account.Number}/windows/{customer}")).Ok().Bool("open"));
    }
}

[Collection(ApiCollection.Name)]
public sealed class MessagingDocumentTests(ApiFixture fixture) : MessagingTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class MessagingMetaTests(MetaApiFixture fixture) : MessagingTests(fixture);

/// <summary>
/// Inbound requests refused before any rule applies (malformed fields, a number not on the account):
/// the same under either rule profile, so run on the <c>document</c> host only.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MessagingInputTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task InboundNamesInvalidFields()
    {
        var account = await _api.LiveAsync();
        var timestamp = Json.Iso(await _api.Now());

        (await _api.Post(account.Number + "/inbound", new { customer = "12345", messageId = "", timestamp })).Invalid("customer", "messageId");
        (await _api.Post(account.Number + "/inbound", new { customer = Ids.Customer(), messageId = new string('m', 257), timestamp })).Invalid("messageId");
        (await _api.Post(account.Number + "/inbound", new { customer = Ids.Customer(), messageId = Ids.MessageId() })).Invalid("timestamp");
        (await _api.Post(account.Number + "/inbound", new { customer = Ids.Customer(), messageId = Ids.MessageId(), timestamp = "yesterday" })).Invalid("timestamp");
    }

    [Fact]
    public async Task InboundToANumberNotOnTheAccountIs404()
    {
        var account = await _api.LiveAsync();
        var other = await _api.LiveAsync();
        var body = new { customer = Ids.Customer(), messageId = Ids.MessageId(), timestamp = Json.Iso(await _api.Now()) };

        (await _api.Post(account.NumberOf(Ids.Phone()) + "/inbound", body)).Problem(HttpStatusCode.NotFound, "not_found");
        (await _api.Post(account.NumberOf(other.Phone) + "/inbound", body)).Problem(HttpStatusCode.NotFound, "not_found");
        (await _api.Get($"{account.NumberOf(other.Phone)}/windows/{Ids.Customer()}")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("12345a")]
    [InlineData("12345")]
    [InlineData("0123456")]
    [InlineData("1234567890123456")]
    public async Task MalformedCustomerInThePathIs400(string customer)
    {
        var account = await _api.LiveAsync();

        (await _api.Get($"{account.Number}/windows/{customer}")).Invalid("customer");
    }
}
