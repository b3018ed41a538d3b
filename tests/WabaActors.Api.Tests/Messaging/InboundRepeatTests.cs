using WabaActors.Api.Tests.Support;
using static WabaActors.Api.Tests.Support.Webhooks;

namespace WabaActors.Api.Tests;

/// <summary>
/// A repeated inbound messageId changes nothing, whatever its timestamp,
/// and answers the window as it stands — over <c>POST …/inbound</c>, over Meta's <c>messages</c> webhook,
/// and across the two. Run under both rule profiles (<see cref="InboundRepeatApiDocument"/>, <see cref="InboundRepeatApiMeta"/>).
/// </summary>
public abstract class InboundRepeatTests(HostFixture fixture)
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task InboundRepeatedWithALaterTimestampChangesNothing()
    {
        var account = await _api.LiveAsync();
        var (customer, messageId) = (Ids.Customer(), Ids.MessageId());
        var now = await _api.Now();
        var first = (await _api.Post(account.Number + "/inbound", new { customer, messageId, timestamp = Json.Iso(now.AddHours(-1)) })).Ok();
        var before = await _api.Snapshot(account);

        var repeat = (await _api.Post(account.Number + "/inbound", new { customer, messageId, timestamp = Json.Iso(now) })).Ok();

        Assert.Equal(now.AddHours(23), repeat.Instant("expiresAt"));
        Assert.Equal(first.ToJsonString(), repeat.ToJsonString());
        Assert.Equal(first.ToJsonString(), (await _api.Get($"{account.Number}/windows/{customer}")).Ok().ToJsonString());
        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task InboundRepeatOfAMessageTooOldToOpenTheWindowOpensNothing()
    {
        var account = await _api.LiveAsync();
        var (customer, messageId) = (Ids.Customer(), Ids.MessageId());
        var now = await _api.Now();
        Assert.False((await _api.Post(account.Number + "/inbound", new { customer, messageId, timestamp = Json.Iso(now - Day - TimeSpan.FromHours(1)) })).Ok().Bool("open"));

        var repeat = (await _api.Post(account.Number + "/inbound", new { customer, messageId, timestamp = Json.Iso(now) })).Ok();

        Assert.False(repeat.Bool("open"));
        var denied = (await _api.Post(account.Number + "/permits", new { customer, type = "session", messageId = Ids.MessageId() })).Ok();
        Assert.False(denied.Bool("allowed"));
    }

    [Fact]
    public async Task WebhookRedeliveryWithALaterTimestampChangesNothing()
    {
        var account = await _api.LiveAsync();
        var (customer, messageId) = (Ids.Customer(), Ids.MessageId());
        var now = Seconds(await _api.Now());
        (await _api.Webhook(Envelope(account.Waba, "messages", Inbound(account.Phone, customer, messageId, now - TimeSpan.FromHours(1))))).Ok();

        // Not the same body (the timestamp differs), but the same message id: the number reports a duplicate and changes nothing.
        Assert.Equal((1, 0, 0, 1, 0), (await _api.Webhook(Envelope(account.Waba, "messages", Inbound(account.Phone, customer, messageId, now)))).Receipt());

        var window = (await _api.Get($"{account.Number}/windows/{customer}")).Ok();
        Assert.Equal(now + TimeSpan.FromHours(23), window.Instant("expiresAt"));
    }

    [Fact]
    public async Task WebhookMessagesWithOtherIdsStillExtendTheWindow()
    {
        var account = await _api.LiveAsync();
        var customer = Ids.Customer();
        var now = Seconds(await _api.Now());
        (await _api.Webhook(Envelope(account.Waba, "messages", Inbound(account.Phone, customer, Ids.MessageId(), now - TimeSpan.FromHours(1))))).Ok();

        (await _api.Webhook(Envelope(account.Waba, "messages", Inbound(account.Phone, customer, Ids.MessageId(), now)))).Ok();

        Assert.Equal(now + Day, (await _api.Get($"{account.Number}/windows/{customer}")).Ok().Instant("expiresAt"));
    }

    [Fact]
    public async Task AnIdRecordedOverHttpIsARepeatOverTheWebhookAndBack()
    {
        var account = await _api.LiveAsync();
        var (customer, overHttp, overWebhook) = (Ids.Customer(), Ids.MessageId(), Ids.MessageId());
        var now = Seconds(await _api.Now());
        var sentAt = now - TimeSpan.FromHours(2);
        (await _api.Post(account.Number + "/inbound", new { customer, messageId = overHttp, timestamp = Json.Iso(sentAt) })).Ok();
        (await _api.Webhook(Envelope(account.Waba, "messages", Inbound(account.Phone, customer, overWebhook, sentAt)))).Ok();

        (await _api.Webhook(Envelope(account.Waba, "messages", Inbound(account.Phone, customer, overHttp, now)))).Ok();
        var repeat = (await _api.Post(account.Number + "/inbound", new { customer, messageId = overWebhook, timestamp = Json.Iso(now) })).Ok();

        Assert.Equal(sentAt + Day, repeat.Instant("expiresAt"));
        Assert.Equal(sentAt + Day, (await _api.Get($"{account.Number}/windows/{customer}")).Ok().Instant("expiresAt"));
    }
}
