using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/api.md "Customers are people" and "What opens the window" over HTTP, under both rule profiles
/// (<see cref="CustomersArePeopleDocument"/>, <see cref="CustomersArePeopleMeta"/>; under <c>meta</c> links and
/// recipients are the portfolio's): a user known only by a BSUID end to end, a phone and a BSUID linked by
/// <c>userId</c> into one person, calls and free entry points. The reviews are approved first: under
/// <c>meta</c> a pending one holds every send.
/// </summary>
public abstract class CustomersArePeopleTests(HostFixture fixture)
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task AUserKnownOnlyByABsuidWritesIsAnsweredAndCounted()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (username, other) = (People.Bsuid(), People.Bsuid());
        var now = await _api.Now();

        var window = (await _api.Inbound(account, new { customer = username, messageId = Ids.MessageId(), timestamp = Json.Iso(now) })).Ok();

        Assert.True(window.Bool("open"));
        Assert.Equal(now + Day, window.Instant("expiresAt"));
        Assert.Equal(window.ToJsonString(), (await _api.Window(account, username)).Ok().ToJsonString());
        var session = (await _api.Permit(account, username, "session")).Ok();
        Assert.True(session.Bool("allowed"), session.ToJsonString());
        Assert.Equal(now + Day, session.Instant("windowExpiresAt"));
        var inside = (await _api.Permit(account, username, "template")).Ok();
        Assert.True(inside.Bool("allowed") && inside.IsNull("templateRecipients"), inside.ToJsonString());

        var template = (await _api.Permit(account, other, "template")).Ok();

        Assert.True(template.Bool("allowed"), template.ToJsonString());
        Assert.Equal(1, template.Int("templateRecipients.used"));
        Assert.Equal(1, await _api.Recipients(account));
        Assert.False((await _api.Window(account, other)).Ok().Bool("open"));
        Assert.Equal("customer_service_window_closed", (await _api.Permit(account, other, "session")).Ok().Str("reason"));
    }

    [Fact]
    public async Task ABsuidIsTakenExactlyAsWritten()
    {
        var account = await _api.LiveAndApprovedAsync();
        var mixed = "DE.AbC" + People.Bsuid()[3..];
        var parent = People.ParentBsuid();

        (await _api.Wrote(account, mixed)).Ok();
        (await _api.Wrote(account, parent)).Ok();

        Assert.True((await _api.Window(account, mixed)).Ok().Bool("open"));
        Assert.False((await _api.Window(account, mixed.ToUpperInvariant())).Ok().Bool("open"));
        Assert.True((await _api.Window(account, parent)).Ok().Bool("open"));
        Assert.False((await _api.Window(account, "US." + parent[7..])).Ok().Bool("open"));
    }

    [Fact]
    public async Task AMessageNamingAPhoneAndItsBsuidOpensTheWindowUnderBoth()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (phone, bsuid) = (Ids.Customer(), People.Bsuid());

        var window = (await _api.Wrote(account, "+" + phone, userId: bsuid)).Ok();

        Assert.True(window.Bool("open"));
        Assert.Equal(window.ToJsonString(), (await _api.Window(account, bsuid)).Ok().ToJsonString());
        Assert.Equal(window.ToJsonString(), (await _api.Window(account, phone)).Ok().ToJsonString());
        var session = (await _api.Permit(account, bsuid, "session")).Ok();
        Assert.True(session.Bool("allowed"), session.ToJsonString());
        Assert.Equal(window.Instant("expiresAt"), session.Instant("windowExpiresAt"));
        Assert.True((await _api.Permit(account, phone, "session")).Ok().Bool("allowed"));
    }

    [Fact]
    public async Task APermitNamingBothIdsFindsTheWindowTheBsuidOpened()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (phone, bsuid) = (Ids.Customer(), People.Bsuid());
        var window = (await _api.Wrote(account, bsuid)).Ok();

        var session = (await _api.Permit(account, phone, "session", userId: bsuid)).Ok();

        Assert.True(session.Bool("allowed"), session.ToJsonString());
        Assert.Equal(window.Instant("expiresAt"), session.Instant("windowExpiresAt"));
        Assert.Equal(window.ToJsonString(), (await _api.Window(account, phone)).Ok().ToJsonString());
    }

    [Fact]
    public async Task ALinkedPersonIsOneTemplateRecipient()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (phone, bsuid) = (Ids.Customer(), People.Bsuid());

        var first = (await _api.Permit(account, phone, "template", userId: bsuid)).Ok();
        var second = (await _api.Permit(account, bsuid, "template")).Ok();

        Assert.Equal(1, first.Int("templateRecipients.used"));
        Assert.True(second.Bool("allowed"), second.ToJsonString());
        Assert.Equal(1, second.Int("templateRecipients.used"));
        Assert.Equal(1, await _api.Recipients(account));
    }

    [Fact]
    public async Task ALinkOutlivesTheWindowItCameWith()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (phone, bsuid) = (Ids.Customer(), People.Bsuid());
        (await _api.Wrote(account, phone, userId: bsuid)).Ok();
        await _api.Advance(Day);
        Assert.False((await _api.Window(account, bsuid)).Ok().Bool("open"));

        var toPhone = (await _api.Permit(account, phone, "template")).Ok();
        var toBsuid = (await _api.Permit(account, bsuid, "template")).Ok();

        Assert.Equal(1, toPhone.Int("templateRecipients.used"));
        Assert.Equal(1, toBsuid.Int("templateRecipients.used"));
        Assert.Equal(1, await _api.Recipients(account));
    }

    [Fact]
    public async Task BeforeALinkAPhoneAndABsuidAreTwoRecipientsAndALateLinkFreesNothing()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (phone, bsuid) = (Ids.Customer(), People.Bsuid());

        Assert.Equal(1, (await _api.Permit(account, phone, "template")).Ok().Int("templateRecipients.used"));
        Assert.Equal(2, (await _api.Permit(account, bsuid, "template")).Ok().Int("templateRecipients.used"));

        var linked = (await _api.Permit(account, phone, "template", userId: bsuid)).Ok();

        Assert.True(linked.Bool("allowed"), linked.ToJsonString());
        Assert.Equal(2, linked.Int("templateRecipients.used"));
        Assert.Equal(2, await _api.Recipients(account));
    }

    [Fact]
    public async Task ACallOpensTheWindowLikeAMessage()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (caller, writer) = (Ids.Customer(), People.Bsuid());
        var now = await _api.Now();

        var call = (await _api.Inbound(account, new { customer = caller, messageId = Ids.MessageId(), timestamp = Json.Iso(now), kind = "call" })).Ok();
        var message = (await _api.Inbound(account, new { customer = writer, messageId = Ids.MessageId(), timestamp = Json.Iso(now), kind = "message" })).Ok();

        Assert.Equal(now + Day, call.Instant("expiresAt"));
        Assert.Equal(now + Day, message.Instant("expiresAt"));
        Assert.True((await _api.Permit(account, caller, "session")).Ok().Bool("allowed"));
    }

    [Theory]
    [InlineData("ctwa")]
    [InlineData("page_cta")]
    public async Task AFreeEntryPointIsTakenAndDecidesNothing(string entryPoint)
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = People.Bsuid();
        var now = await _api.Now();

        var window = (await _api.Inbound(account, new { customer, messageId = Ids.MessageId(), timestamp = Json.Iso(now), entryPoint })).Ok();

        Assert.Equal(now + Day, window.Instant("expiresAt"));
        var session = (await _api.Permit(account, customer, "session")).Ok();
        Assert.True(session.Bool("allowed"), session.ToJsonString());
        Assert.Equal(now + Day, session.Instant("windowExpiresAt"));
    }
}

[Collection(ApiCollection.Name)]
public sealed class CustomersArePeopleDocument(ApiFixture f) : CustomersArePeopleTests(f);

[Collection(MetaApiCollection.Name)]
public sealed class CustomersArePeopleMeta(MetaApiFixture f) : CustomersArePeopleTests(f);
