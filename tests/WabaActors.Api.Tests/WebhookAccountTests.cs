using System.Net;
using WabaActors.Api.Tests.Support;
using static WabaActors.Api.Tests.Support.Webhooks;

namespace WabaActors.Api.Tests;

/// <summary>api.md "Webhook mapping": reviews, display names, the ban, redeliveries.</summary>
[Collection(ApiCollection.Name)]
public class WebhookAccountTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task ReviewRejectedBlocksEverySendAndApprovedUnblocks()
    {
        var account = await _api.LiveAsync();
        var customer = await OpenWindow(account);

        (await _api.Webhook(Envelope(account.Waba, "account_review_update", new { decision = "REJECTED" }))).Ok();

        var view = (await _api.Get(account.Path)).Ok();
        Assert.Equal("blocked", view.Str("status"));
        Assert.Equal("rejected", view.Str("commercePolicyReview.status"));
        foreach (var type in new[] { "session", "template" })
        {
            var denied = (await _api.Post(account.Number + "/permits", new { customer, type, messageId = Ids.MessageId() })).Ok();
            Assert.False(denied.Bool("allowed"));
            Assert.Equal("account_blocked", denied.Str("reason"));
        }

        (await _api.Webhook(Envelope(account.Waba, "account_review_update", new { decision = "APPROVED" }))).Ok();

        Assert.Equal("approved", (await _api.Get(account.Path)).Ok().Str("commercePolicyReview.status"));
        Assert.True((await _api.Post(account.Number + "/permits", new { customer, type = "session", messageId = Ids.MessageId() })).Ok().Bool("allowed"));
        var types = await _api.EventTypes(account);
        Assert.Equal(["commerce_review_decided", "account_blocked", "commerce_review_decided", "account_unblocked"], types.TakeLast(4));
    }

    [Theory]
    [InlineData("PENDING")]
    [InlineData("DEFERRED")]
    public async Task ReviewPendingOrDeferredChangesNothing(string decision)
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);

        var reply = await _api.Webhook(Envelope(account.Waba, "account_review_update", new { decision }));

        Assert.Equal((1, 0, 1, 0, 0), reply.Receipt());
        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Theory]
    [InlineData("APPROVED", "approved")]
    [InlineData("DECLINED", "rejected")]
    public async Task DisplayNameDecisionReachesTheNumberFoundByItsDisplayedDigits(string decision, string status)
    {
        var account = await _api.LiveAsync();
        (await _api.Put(account.Number + "/display-name", new { name = "Acme Garden" })).Ok();
        var displayed = $"+{account.Phone[..3]} {account.Phone[3..6]}-{account.Phone[6..]}";

        var reply = await _api.Webhook(Envelope(account.Waba, "phone_number_name_update", new
        {
            display_phone_number = displayed, decision, requested_verified_name = "Acme Garden", rejection_reason = "NONE",
        }));

        Assert.Equal(1, reply.Receipt().Applied);
        var number = (await _api.Get(account.Number)).Ok();
        Assert.Equal(status, number.Str("displayName.status"));
        var decided = (await _api.Events(account)).Last(e => e.Str("type") == "display_name_decided");
        Assert.Equal(status, decided.Str("value"));
        Assert.Equal(account.Phone, decided.Str("phone"));
    }

    [Fact]
    public async Task DisplayNameOfANumberNotOnTheAccountIsAcknowledgedAndIgnored()
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);

        var reply = await _api.Webhook(Envelope(account.Waba, "phone_number_name_update", new { display_phone_number = Ids.Phone(), decision = "APPROVED" }));

        Assert.Equal(1, reply.Receipt().Ignored);
        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task DisableBlocksAndReinstateUnblocks()
    {
        var account = await _api.LiveAsync();
        var customer = await OpenWindow(account);

        (await _api.Webhook(Envelope(account.Waba, "account_update", Ban("DISABLE")))).Ok();

        Assert.Equal("blocked", (await _api.Get(account.Path)).Ok().Str("status"));
        var denied = (await _api.Post(account.Number + "/permits", new { customer, type = "session", messageId = Ids.MessageId() })).Ok();
        Assert.Equal("account_blocked", denied.Str("reason"));

        (await _api.Webhook(Envelope(account.Waba, "account_update", Ban("REINSTATE")))).Ok();

        Assert.Equal("live", (await _api.Get(account.Path)).Ok().Str("status"));
        Assert.True((await _api.Post(account.Number + "/permits", new { customer, type = "session", messageId = Ids.MessageId() })).Ok().Bool("allowed"));
        Assert.Equal(["account_disabled", "account_blocked", "account_reinstated", "account_unblocked"], (await _api.EventTypes(account)).TakeLast(4));
    }

    [Fact]
    public async Task ScheduleForDisableIsAnEventOnly()
    {
        var account = await _api.LiveAsync();

        (await _api.Webhook(Envelope(account.Waba, "account_update", Ban("SCHEDULE_FOR_DISABLE")))).Ok();

        Assert.Equal("live", (await _api.Get(account.Path)).Ok().Str("status"));
        Assert.Equal("ban_scheduled", (await _api.EventTypes(account))[^1]);
    }

    [Fact]
    public async Task RedeliveryChangesNothingTwiceEvenReformatted()
    {
        var account = await _api.LiveAsync();
        var envelope = Envelope(account.Waba, "account_update", Ban("SCHEDULE_FOR_DISABLE"));
        (await _api.Webhook(envelope)).Ok();
        var before = await _api.Snapshot(account);
        var reformatted = System.Text.Encoding.UTF8.GetBytes($$"""
            { "entry": [ { "changes": [ { "value": { "ban_info": { "waba_ban_date": "November 25, 2026", "waba_ban_state": "SCHEDULE_FOR_DISABLE" },
              "event": "DISABLED_UPDATE" }, "field": "account_update" } ], "id": "{{account.Waba}}", "time": 1764000099 } ],
              "object": "whatsapp_business_account" }
            """);

        var again = await _api.Webhook(envelope);
        var reordered = await _api.WebhookRaw(reformatted, Sign(reformatted));

        Assert.Equal((1, 0, 0, 1, 0), again.Receipt());
        Assert.Equal((1, 0, 0, 1, 0), reordered.Receipt());
        Assert.Equal(before, await _api.Snapshot(account));
        Assert.Single(await _api.EventTypes(account), t => t == "ban_scheduled");
    }

    [Fact]
    public async Task AppliesEveryChangeOfEveryEntry()
    {
        var first = await _api.LiveAsync();
        var second = await _api.LiveAsync();
        var envelope = new Dictionary<string, object>
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new[]
            {
                new { id = first.Waba, changes = new object[] { new { field = "account_update", value = Ban("DISABLE") }, new { field = "account_review_update", value = new { decision = "APPROVED" } } } },
                new { id = second.Waba, changes = new object[] { new { field = "account_update", value = Ban("DISABLE") } } },
            },
        };

        Assert.Equal((3, 3, 0, 0, 0), (await _api.Webhook(envelope)).Receipt());

        Assert.Equal("blocked", (await _api.Get(first.Path)).Ok().Str("status"));
        Assert.Equal("approved", (await _api.Get(first.Path)).Ok().Str("commercePolicyReview.status"));
        Assert.Equal("blocked", (await _api.Get(second.Path)).Ok().Str("status"));
    }

    [Fact]
    public async Task ValueTheRulesCannotTakeIsAcknowledgedAndChangesNothing()
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);

        var reply = await _api.Webhook(Envelope(account.Waba, "account_update", Ban("BANNED_FOREVER")));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(1, reply.Receipt().Ignored);
        Assert.Equal(before, await _api.Snapshot(account));
    }

    private async Task<string> OpenWindow(TestAccount account)
    {
        var customer = Ids.Customer();
        (await _api.Post(account.Number + "/inbound", new { customer, messageId = Ids.MessageId(), timestamp = Json.Iso(await _api.Now()) })).Ok();
        return customer;
    }
}
