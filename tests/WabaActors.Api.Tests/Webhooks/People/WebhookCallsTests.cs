using WabaActors.Api.Tests.Support;
using static WabaActors.Api.Tests.MetaPeople;
using static WabaActors.Api.Tests.Support.Webhooks;

namespace WabaActors.Api.Tests;

/// <summary>
/// Meta's <c>calls</c> webhook (docs/adr/0020, section 3; ../shared/domain/meta-2026-webhooks.md 1.2 (e),
/// 2): a user's call opens or resets the window whether or not it is answered, at the connect's
/// timestamp; a redelivered connect is a repeat; a terminate or a call the business started opens nothing.
/// </summary>
public abstract class WebhookCallsTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task UsersCallOpensTheWindowAndARedeliveryIsARepeat()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (phone, bsuid) = (Ids.Customer(), Bsuid());
        var calledAt = Seconds(await _api.Now()) - TimeSpan.FromMinutes(1);
        var connect = Envelope(account.Waba, "calls", Value(account.Phone, ("contacts", new[] { Contact(phone, bsuid) }),
            ("calls", new[] { Call(CallId(), "connect", calledAt, account.Phone, phone, bsuid) })));

        Assert.Equal((1, 1, 0, 0, 0), (await _api.Webhook(connect)).Receipt());
        Assert.Equal((1, 0, 0, 1, 0), (await _api.Webhook(connect)).Receipt());

        var window = (await _api.Get($"{account.Number}/windows/{phone}")).Ok();
        Assert.True(window.Bool("open"));
        Assert.Equal(calledAt + TimeSpan.FromHours(24), window.Instant("expiresAt"));
        Assert.True((await fixture.SessionPermitAsync(account, bsuid)).Allowed);
    }

    [Fact]
    public async Task CallerWhoHidesThePhoneIsServedByBsuid()
    {
        var account = await _api.LiveAndApprovedAsync();
        var bsuid = Bsuid();
        var calledAt = Seconds(await _api.Now()) - TimeSpan.FromMinutes(1);

        (await _api.Webhook(Envelope(account.Waba, "calls", Value(account.Phone, ("contacts", new[] { Contact(null, bsuid, username: "sheena.nelson") }),
            ("calls", new[] { Call(CallId(), "connect", calledAt, account.Phone, null, bsuid) }))))).Ok();

        Assert.True((await fixture.WindowAsync(account, bsuid)).Open);
        Assert.True((await fixture.SessionPermitAsync(account, bsuid)).Allowed);
    }

    [Fact]
    public async Task LaterCallResetsTheWindow()
    {
        var account = await _api.LiveAndApprovedAsync();
        var phone = Ids.Customer();
        var now = Seconds(await _api.Now());
        (await _api.Webhook(Envelope(account.Waba, "messages", Inbound(account.Phone, phone, Ids.MessageId(), now - TimeSpan.FromHours(3))))).Ok();

        (await _api.Webhook(Envelope(account.Waba, "calls", Value(account.Phone,
            ("calls", new[] { Call(CallId(), "connect", now - TimeSpan.FromMinutes(1), account.Phone, phone, null) }))))).Ok();

        Assert.Equal(now - TimeSpan.FromMinutes(1) + TimeSpan.FromHours(24), (await _api.Get($"{account.Number}/windows/{phone}")).Ok().Instant("expiresAt"));
    }

    [Fact]
    public async Task TerminateAndBusinessInitiatedCallsOpenNothing()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (caller, called) = (Ids.Customer(), Ids.Customer());
        var at = Seconds(await _api.Now()) - TimeSpan.FromMinutes(1);
        var business = new[]
        {
            Obj(("id", CallId()), ("from", account.Phone), ("to", called), ("event", "connect"), ("timestamp", UnixText(at)), ("direction", "BUSINESS_INITIATED")),
            Obj(("id", CallId()), ("from", account.Phone), ("to", called), ("event", "terminate"), ("timestamp", UnixText(at)), ("direction", "BUSINESS_INITIATED"), ("status", "COMPLETED")),
        };

        var terminate = await _api.Webhook(Envelope(account.Waba, "calls", Value(account.Phone, ("calls", new[] { Call(CallId(), "terminate", at, account.Phone, caller, null) }))));
        var outgoing = await _api.Webhook(Envelope(account.Waba, "calls", Value(account.Phone, ("calls", business))));

        Assert.Equal((1, 0, 0, 0, 1), terminate.Receipt());
        Assert.Equal((1, 0, 0, 0, 1), outgoing.Receipt());
        Assert.False((await _api.Get($"{account.Number}/windows/{caller}")).Ok().Bool("open"));
        Assert.False((await _api.Get($"{account.Number}/windows/{called}")).Ok().Bool("open"));
        Assert.Contains(fixture.Logs.Lines, l => l.Contains("[3013]", StringComparison.Ordinal) && l.Contains("a user-initiated call's terminate", StringComparison.Ordinal));
        Assert.Contains(fixture.Logs.Lines, l => l.Contains("[3013]", StringComparison.Ordinal) && l.Contains("a business-initiated call's connect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownCallEventIsLoggedAndCounted()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (caller, @event) = (Ids.Customer(), "ringing_" + Guid.NewGuid().ToString("N")[..6]);
        var before = Unknown(await _api.Get("/metrics"));

        var reply = await _api.Webhook(Envelope(account.Waba, "calls", Value(account.Phone,
            ("calls", new[] { Call(CallId(), @event, Seconds(await _api.Now()), account.Phone, caller, null) }))));

        Assert.Equal(1, reply.Receipt().Ignored);
        Assert.False((await _api.Get($"{account.Number}/windows/{caller}")).Ok().Bool("open"));
        Assert.Contains(fixture.Logs.Lines, l => l.Contains("[3011]", StringComparison.Ordinal) && l.Contains(@event, StringComparison.Ordinal));
        await Eventually.Until(async () => Unknown(await _api.Get("/metrics")) > before, TimeSpan.FromSeconds(10), "the unknown call event to be counted");
    }

    private static double Unknown(Reply metrics) =>
        Metrics.Sample(metrics.Body, "waba_webhook_unknown_values_total", "what=\"call_event\"", "field=\"calls\"");
}

[Collection(ApiCollection.Name)]
public sealed class WebhookCallsDocumentTests(ApiFixture fixture) : WebhookCallsTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class WebhookCallsMetaTests(MetaApiFixture fixture) : WebhookCallsTests(fixture);
