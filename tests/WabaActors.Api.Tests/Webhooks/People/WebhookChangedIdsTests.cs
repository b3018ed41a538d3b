using WabaActors.Api.Tests.Support;
using static WabaActors.Api.Tests.MetaPeople;
using static WabaActors.Api.Tests.Support.Webhooks;

namespace WabaActors.Api.Tests;

/// <summary>
/// Meta's system messages (../shared/domain/meta-2026-webhooks.md 1.2 (c), (d)): a user's new BSUID or
/// number links to the old one, so a window opened under the old id is open under the new one. They
/// come without <c>contacts[]</c>, often without <c>wa_id</c> or <c>from</c>, and open no window.
/// </summary>
public abstract class WebhookChangedIdsTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UserChangedUserIdLinksTheOldAndNewBsuid(bool bodyOnly)
    {
        var account = await _api.LiveAndApprovedAsync();
        var (old, renewed) = (Bsuid(), Bsuid());
        var now = Seconds(await _api.Now());
        await OpenAsync(account, null, old, now - TimeSpan.FromMinutes(2));
        var opened = await fixture.WindowAsync(account, old);

        // Since 11 Aug 2026 the ids are fields; Meta's June 2026 page gave them only in the body.
        var body = $"User Sheena Nelson changed from {old} to {renewed}";
        var system = bodyOnly
            ? SystemMessage(null, now - TimeSpan.FromMinutes(1), ("type", "user_changed_user_id"), ("body", body))
            : SystemMessage(null, now - TimeSpan.FromMinutes(1), ("type", "user_changed_user_id"), ("body", body), ("user_id", renewed), ("previous_user_id", old));
        var reply = await _api.Webhook(Envelope(account.Waba, "messages", Value(account.Phone, ("messages", new[] { system }))));

        Assert.Equal(1, reply.Receipt().Applied);
        Assert.True(opened.Open);
        Assert.Equal(opened, await fixture.WindowAsync(account, renewed));
        Assert.True((await fixture.SessionPermitAsync(account, renewed)).Allowed);
    }

    [Fact]
    public async Task UserChangedNumberLinksTheNewPhoneAndBsuid()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (oldPhone, oldBsuid, newPhone, newBsuid) = (Ids.Customer(), Bsuid(), Ids.Customer(), Bsuid());
        var now = Seconds(await _api.Now());
        await OpenAsync(account, oldPhone, oldBsuid, now - TimeSpan.FromMinutes(2));

        var system = SystemMessage(oldPhone, now - TimeSpan.FromMinutes(1), ("type", "user_changed_number"),
            ("body", $"User Sheena Nelson changed from {oldPhone} to {newPhone}"),
            ("wa_id", newPhone), ("user_id", newBsuid), ("previous_user_id", oldBsuid));
        (await _api.Webhook(Envelope(account.Waba, "messages", Value(account.Phone, ("messages", new[] { system }))))).Ok();

        var window = (await _api.Get($"{account.Number}/windows/{newPhone}")).Ok();
        Assert.True(window.Bool("open"));
        Assert.Equal(now - TimeSpan.FromMinutes(2) + TimeSpan.FromHours(24), window.Instant("expiresAt"));
        Assert.True((await fixture.WindowAsync(account, newBsuid)).Open);
    }

    [Fact]
    public async Task OlderUserChangedNumberWithNewWaIdLinksTheOldAndNewPhone()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (oldPhone, newPhone) = (Ids.Customer(), Ids.Customer());
        var now = Seconds(await _api.Now());
        await OpenAsync(account, oldPhone, null, now - TimeSpan.FromMinutes(2));

        var system = SystemMessage(oldPhone, now - TimeSpan.FromMinutes(1), ("type", "user_changed_number"),
            ("body", $"User Sheena Nelson changed from {oldPhone} to {newPhone}"), ("new_wa_id", newPhone));
        (await _api.Webhook(Envelope(account.Waba, "messages", Value(account.Phone, ("messages", new[] { system }))))).Ok();

        Assert.True((await _api.Get($"{account.Number}/windows/{newPhone}")).Ok().Bool("open"));
    }

    [Fact]
    public async Task SystemMessageOpensNoWindow()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (phone, old, renewed) = (Ids.Customer(), Bsuid(), Bsuid());
        var now = Seconds(await _api.Now());

        var system = SystemMessage(phone, now - TimeSpan.FromMinutes(1), ("type", "user_changed_number"), ("wa_id", Ids.Customer()), ("user_id", renewed), ("previous_user_id", old));
        (await _api.Webhook(Envelope(account.Waba, "messages", Value(account.Phone, ("messages", new[] { system }))))).Ok();

        Assert.False((await _api.Get($"{account.Number}/windows/{phone}")).Ok().Bool("open"));
        Assert.False((await fixture.WindowAsync(account, old)).Open);
        Assert.False((await fixture.WindowAsync(account, renewed)).Open);
    }

    [Fact]
    public async Task WithdrawnUserIdUpdateFieldLinksTheOldAndNewBsuid()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (old, renewed) = (Bsuid(), Bsuid());
        var now = Seconds(await _api.Now());
        await OpenAsync(account, null, old, now - TimeSpan.FromMinutes(2));

        var update = Obj(("detail", "User changed their business-scoped user ID"), ("user_id", Obj(("previous", old), ("current", renewed))),
            ("timestamp", UnixText(now - TimeSpan.FromMinutes(1))));
        var reply = await _api.Webhook(Envelope(account.Waba, "user_id_update",
            Value(account.Phone, ("contacts", new[] { Contact(null, renewed) }), ("user_id_update", new[] { update }))));

        Assert.Equal(1, reply.Receipt().Applied);
        Assert.True((await fixture.WindowAsync(account, renewed)).Open);
    }

    [Fact]
    public async Task UnknownSystemTypeIsLoggedAndCounted()
    {
        var account = await _api.LiveAndApprovedAsync();
        var type = "user_changed_" + Guid.NewGuid().ToString("N")[..8];
        var before = Unknown(await _api.Get("/metrics"));

        var reply = await _api.Webhook(Envelope(account.Waba, "messages", Value(account.Phone,
            ("messages", new[] { SystemMessage(null, Seconds(await _api.Now()), ("type", type), ("user_id", Bsuid())) }))));

        Assert.Equal(1, reply.Receipt().Ignored);
        Assert.Contains(fixture.Logs.Lines, l => l.Contains("[3011]", StringComparison.Ordinal) && l.Contains(type, StringComparison.Ordinal));
        await Eventually.Until(async () => Unknown(await _api.Get("/metrics")) > before, TimeSpan.FromSeconds(10), "the unknown system type to be counted");
    }

    private static double Unknown(Reply metrics) =>
        Metrics.Sample(metrics.Body, "waba_webhook_unknown_values_total", "what=\"system_type\"", "field=\"messages\"");

    private async Task OpenAsync(TestAccount account, string? phone, string? bsuid, DateTimeOffset at)
    {
        var reply = await _api.Webhook(Envelope(account.Waba, "messages",
            Messages(account.Phone, Text(phone, bsuid, Ids.MessageId(), at), Contact(phone, bsuid))));
        Assert.Equal(1, reply.Receipt().Applied);
        Assert.True((await fixture.WindowAsync(account, phone ?? bsuid!)).Open);
    }
}

[Collection(ApiCollection.Name)]
public sealed class WebhookChangedIdsDocumentTests(ApiFixture fixture) : WebhookChangedIdsTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class WebhookChangedIdsMetaTests(MetaApiFixture fixture) : WebhookChangedIdsTests(fixture);
