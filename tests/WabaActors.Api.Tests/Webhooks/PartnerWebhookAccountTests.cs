using System.Text;
using WabaActors.Api.Tests.Support;
using static WabaActors.Api.Tests.Support.PartnerWebhooks;

namespace WabaActors.Api.Tests;

/// <summary>
/// ADR 0011: what each 360dialog partner event does to the account, seen through the API, and redeliveries — under
/// both rule profiles (<see cref="PartnerWebhookAccountDocumentTests"/>, <see cref="PartnerWebhookAccountMetaTests"/>).
/// Accounts that must send have their review approved first: under <c>meta</c> a pending one holds every send.
/// </summary>
public abstract class PartnerWebhookAccountTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task ChannelCreatedIsRecordedWithItsBillingStartAndRewritesNoBilling()
    {
        var account = await _api.LiveAsync();
        var view = (await _api.Get(account.Path)).Ok().ToJsonString();
        var number = (await _api.Get(account.Number)).Ok().ToJsonString();
        var billing = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

        var reply = await _api.PartnerWebhook(Event("channel_created", account.Waba, account.Phone, new
        {
            phone_name = "Acme Garden", status = "ready", fb_account_status = "verified", account_mode = "live",
            created_at = "2026-11-20T09:29:00Z", billing_started_at = "2026-11-20T09:30:00Z",
        }));

        Assert.Equal((1, 1, 0, 0, 0), reply.Receipt());
        var events = await _api.Events(account);
        var created = events[^2];
        Assert.Equal("channel_created", created.Str("type"));
        Assert.Equal(account.Phone, created.Str("phone"));
        Assert.Equal("ready", created.Str("value"));
        var billed = events[^1];
        Assert.Equal("channel_billing_started", billed.Str("type"));
        Assert.Equal(billing, Json.Instant(billed.Str("value")!));
        Assert.Equal(view, (await _api.Get(account.Path)).Ok().ToJsonString());
        Assert.Equal(number, (await _api.Get(account.Number)).Ok().ToJsonString());
    }

    [Theory]
    [InlineData("channel_ready")]
    [InlineData("channel_running")]
    public async Task ChannelReadyAndRunningAreHistoryEntriesOnly(string name)
    {
        var account = await _api.LiveAndApprovedAsync();
        var view = (await _api.Get(account.Path)).Ok().ToJsonString();
        var number = (await _api.Get(account.Number)).Ok().ToJsonString();

        (await _api.PartnerWebhook(Event(name, account.Waba, account.Phone, new { status = "running" }))).Ok();

        var last = (await _api.Events(account))[^1];
        Assert.Equal(name, last.Str("type"));
        Assert.Equal(account.Phone, last.Str("phone"));
        Assert.Equal(view, (await _api.Get(account.Path)).Ok().ToJsonString());
        Assert.Equal(number, (await _api.Get(account.Number)).Ok().ToJsonString());
        Assert.True((await _api.Post(account.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() })).Ok().Bool("allowed"));
    }

    [Fact]
    public async Task AccountRestrictionDeniesUntilItsExpirationThenAllows()
    {
        var account = await _api.LiveAndApprovedAsync();
        var until = Webhooks.Seconds(await _api.Now()) + TimeSpan.FromHours(3);

        var reply = await _api.PartnerWebhook(Event("account_restriction", account.Waba, account.Phone, new
        {
            violation_type = "SCAM",
            restriction_info = new[] { new { restriction_type = "RESTRICTED_BIZ_INITIATED_MESSAGING", expiration = Webhooks.Unix(until) } },
        }));

        Assert.Equal(1, reply.Receipt().Applied);
        var denied = (await _api.Post(account.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() })).Ok();
        Assert.False(denied.Bool("allowed"));
        Assert.Equal("restricted_business_initiated", denied.Str("reason"));
        Assert.Equal(until, denied.Instant("retryAt"));
        var events = await _api.Events(account);
        Assert.Equal(["account_restriction", "restrictions_changed"], events.TakeLast(2).Select(e => e.Str("type")));
        Assert.Equal("SCAM", events[^2].Str("value"));

        await _api.Advance(until - await _api.Now() + TimeSpan.FromSeconds(1));

        Assert.True((await _api.Post(account.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() })).Ok().Bool("allowed"));
    }

    [Fact]
    public async Task AccountViolationIsAnEntryAndBlocksOnlyWhenItCarriesABan()
    {
        var account = await _api.LiveAsync();

        (await _api.PartnerWebhook(Event("account_violation", account.Waba, account.Phone, new { violation_type = "SPAM" }))).Ok();

        Assert.Equal("live", (await _api.Get(account.Path)).Ok().Str("status"));
        var violation = (await _api.Events(account))[^1];
        Assert.Equal(("account_violation", "SPAM"), (violation.Str("type"), violation.Str("value")));

        (await _api.PartnerWebhook(Event("account_violation", account.Waba, account.Phone, new
        {
            violation_type = "ADULT", ban_info = new { waba_ban_state = "DISABLE" },
        }))).Ok();

        Assert.Equal("blocked", (await _api.Get(account.Path)).Ok().Str("status"));
        var denied = (await _api.Post(account.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() })).Ok();
        Assert.Equal("account_blocked", denied.Str("reason"));
        Assert.Equal(["account_violation", "account_disabled", "account_blocked"], (await _api.EventTypes(account)).TakeLast(3));
    }

    [Fact]
    public async Task RedeliveryChangesNothingTwiceEvenReformatted()
    {
        var account = await _api.LiveAsync();
        var body = Event("channel_created", account.Waba, account.Phone, new { status = "ready", billing_started_at = "2026-11-20T09:30:00Z" });
        Assert.Equal(1, (await _api.PartnerWebhook(body)).Receipt().Applied);
        var before = await _api.Snapshot(account);
        var reformatted = Encoding.UTF8.GetBytes($$"""
            { "payload": { "status": "ready", "billing_started_at": "2026-11-20T09:30:00Z", "phone_number": "+{{account.Phone}}",
                "waba_account": { "name": "Acme", "external_id": "{{account.Waba}}", "id": "wa360_{{account.Waba}}" },
                "client_id": "cl_{{account.Waba}}", "id": "ch_{{account.Waba}}" },
              "event": "channel_created" }
            """);

        var again = await _api.PartnerWebhook(body);
        var reordered = await _api.PartnerWebhookRaw(reformatted, Sign(reformatted));

        Assert.Equal((1, 0, 0, 1, 0), again.Receipt());
        Assert.Equal((1, 0, 0, 1, 0), reordered.Receipt());
        Assert.Equal(before, await _api.Snapshot(account));
        Assert.Single(await _api.EventTypes(account), t => t == "channel_created");
        Assert.Single(await _api.EventTypes(account), t => t == "channel_billing_started");
    }

    [Fact]
    public async Task RestrictionTheRulesCannotTakeIsAcknowledgedAndChangesNothing()
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);

        var reply = await _api.PartnerWebhook(Event("account_restriction", account.Waba, account.Phone, new
        {
            restriction_info = new[] { new { restriction_type = "RESTRICTED_BIZ_INITIATED_MESSAGING" } },
        }));

        Assert.Equal((1, 0, 0, 0, 1), reply.Receipt());
        Assert.Equal(before, await _api.Snapshot(account));
    }
}

[Collection(ApiCollection.Name)]
public sealed class PartnerWebhookAccountDocumentTests(ApiFixture fixture) : PartnerWebhookAccountTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class PartnerWebhookAccountMetaTests(MetaApiFixture fixture) : PartnerWebhookAccountTests(fixture);
