using WabaActors.Api.Tests.Support;
using static WabaActors.Api.Tests.Support.Webhooks;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/meta-webhooks.md: inbound messages open windows, 131047 failures close them — under both rule profiles
/// (<see cref="WebhookMessagingDocumentTests"/>, <see cref="WebhookMessagingMetaTests"/>). Accounts whose sends are
/// checked have their review approved first: under <c>meta</c> a pending one holds every send.
/// </summary>
public abstract class WebhookMessagingTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task InboundMessageOpensTheWindowOnce()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        var sentAt = Seconds(await _api.Now()) - TimeSpan.FromMinutes(1);
        var envelope = Envelope(account.Waba, "messages", Inbound(account.Phone, customer, Ids.MessageId(), sentAt));

        Assert.Equal(1, (await _api.Webhook(envelope)).Receipt().Applied);
        Assert.Equal((1, 0, 0, 1, 0), (await _api.Webhook(envelope)).Receipt());

        var window = (await _api.Get($"{account.Number}/windows/{customer}")).Ok();
        Assert.True(window.Bool("open"));
        Assert.Equal(sentAt + TimeSpan.FromHours(24), window.Instant("expiresAt"));
        Assert.True((await _api.Post(account.Number + "/permits", new { customer, type = "session", messageId = Ids.MessageId() })).Ok().Bool("allowed"));
    }

    [Fact]
    public async Task FailedStatus131047ClosesTheWindow()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        var now = Seconds(await _api.Now());
        (await _api.Webhook(Envelope(account.Waba, "messages", Inbound(account.Phone, customer, Ids.MessageId(), now - TimeSpan.FromMinutes(2))))).Ok();

        (await _api.Webhook(Envelope(account.Waba, "messages", Failed(account.Phone, customer, now - TimeSpan.FromMinutes(1))))).Ok();

        Assert.False((await _api.Get($"{account.Number}/windows/{customer}")).Ok().Bool("open"));
        var denied = (await _api.Post(account.Number + "/permits", new { customer, type = "session", messageId = Ids.MessageId() })).Ok();
        Assert.Equal("customer_service_window_closed", denied.Str("reason"));
    }

    [Theory]
    [InlineData(131026, "failed")]
    [InlineData(131047, "delivered")]
    public async Task OtherStatusesLeaveTheWindowOpen(int code, string status)
    {
        var account = await _api.LiveAsync();
        var customer = Ids.Customer();
        var now = Seconds(await _api.Now());
        (await _api.Webhook(Envelope(account.Waba, "messages", Inbound(account.Phone, customer, Ids.MessageId(), now - TimeSpan.FromMinutes(2))))).Ok();

        var reply = await _api.Webhook(Envelope(account.Waba, "messages", Failed(account.Phone, customer, now, code, status)));

        Assert.Equal(1, reply.Receipt().Ignored);
        Assert.True((await _api.Get($"{account.Number}/windows/{customer}")).Ok().Bool("open"));
    }

    [Fact]
    public async Task LateRedeliveredCloseDoesNotCloseANewerWindow()
    {
        var account = await _api.LiveAsync();
        var customer = Ids.Customer();
        var now = Seconds(await _api.Now());
        var close = Envelope(account.Waba, "messages", Failed(account.Phone, customer, now - TimeSpan.FromMinutes(2)));
        (await _api.Webhook(Envelope(account.Waba, "messages", Inbound(account.Phone, customer, Ids.MessageId(), now - TimeSpan.FromMinutes(3))))).Ok();
        (await _api.Webhook(close)).Ok();
        Assert.False((await _api.Get($"{account.Number}/windows/{customer}")).Ok().Bool("open"));
        var repliedAt = now - TimeSpan.FromMinutes(1);
        (await _api.Webhook(Envelope(account.Waba, "messages", Inbound(account.Phone, customer, Ids.MessageId(), repliedAt)))).Ok();

        (await _api.Webhook(close)).Ok();

        var window = (await _api.Get($"{account.Number}/windows/{customer}")).Ok();
        Assert.True(window.Bool("open"));
        Assert.Equal(repliedAt + TimeSpan.FromHours(24), window.Instant("expiresAt"));
    }

    [Fact]
    public async Task MessageForANumberOfAnotherWabaIsIgnored()
    {
        var account = await _api.LiveAsync();
        var other = await _api.LiveAsync();
        var customer = Ids.Customer();

        var reply = await _api.Webhook(Envelope(account.Waba, "messages", Inbound(other.Phone, customer, Ids.MessageId(), Seconds(await _api.Now()))));

        Assert.Equal(1, reply.Receipt().Ignored);
        Assert.False((await _api.Get($"{other.Number}/windows/{customer}")).Ok().Bool("open"));
    }

    [Fact]
    public async Task MessageForAnUnknownWabaIsAcknowledged()
    {
        var reply = await _api.Webhook(Envelope(Ids.Waba(), "messages", Inbound(Ids.Phone(), Ids.Customer(), Ids.MessageId(), Seconds(await _api.Now()))));

        Assert.Equal((1, 0, 0, 0, 1), reply.Receipt());
    }
}

[Collection(ApiCollection.Name)]
public sealed class WebhookMessagingDocumentTests(ApiFixture fixture) : WebhookMessagingTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class WebhookMessagingMetaTests(MetaApiFixture fixture) : WebhookMessagingTests(fixture);
