using System.Net;
using WabaActors.Api.Tests.Support;
using static WabaActors.Api.Tests.Support.Webhooks;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/meta-webhooks.md: reviews, display names, the ban, redeliveries — under both rule profiles
/// (<see cref="WebhookAccountDocumentTests"/>, <see cref="WebhookAccountMetaTests"/>; docs/meta-webhooks.md says
/// where they differ: under <c>meta</c> PENDING/DEFERRED reopen a decided review and hold every send).
/// </summary>
public abstract class WebhookAccountTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;
    private readonly RuleProfile _rules = fixture.Profile;

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
    public async Task ReviewPendingOrDeferredChangesNothingWhileTheReviewIsPending(string decision)
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);

        var reply = await _api.Webhook(Envelope(account.Waba, "account_review_update", new { decision }));

        Assert.Equal((1, 0, 1, 0, 0), reply.Receipt());
        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Theory]
    [InlineData("PENDING")]
    [InlineData("DEFERRED")]
    public async Task ReviewPendingOrDeferredReopensAnApprovedReviewAndHoldsEverySendUnderMetaOnly(string decision)
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = await OpenWindow(account);
        var before = await _api.Snapshot(account);

        var at = await _api.Now();
        var reply = await _api.Webhook(Envelope(account.Waba, "account_review_update", new { decision }));

        var view = (await _api.Get(account.Path)).Ok();
        Assert.Equal("live", view.Str("status"));
        if (_rules.HoldsSendsWhileReviewPending)
        {
            Assert.Equal((1, 1, 0, 0, 0), reply.Receipt());
            Assert.Equal("pending", view.Str("commercePolicyReview.status"));
            Assert.InRange(view.Instant("commercePolicyReview.dueAt"), at.AddHours(48), (await _api.Now()).AddHours(48));
            Assert.Equal("account_under_review", view.Str("holds[0].reason"));
            Assert.Single(view["holds"]!.AsArray());
            var requested = (await _api.Events(account))[^1];
            Assert.Equal("commerce_review_requested", requested.Str("type"));
            foreach (var type in new[] { "session", "template" })
            {
                var held = (await _api.Post(account.Number + "/permits", new { customer, type, messageId = Ids.MessageId() })).Ok();
                Assert.False(held.Bool("allowed"));
                Assert.Equal("account_under_review", held.Str("reason"));
            }

            Assert.Equal((1, 0, 0, 1, 0), (await _api.Webhook(Envelope(account.Waba, "account_review_update", new { decision }))).Receipt());
            (await _api.Webhook(Envelope(account.Waba, "account_review_update", new { decision = "APPROVED" }))).Ok();
            Assert.Empty((await _api.Get(account.Path)).Ok()["holds"]!.AsArray());
        }
        else
        {
            Assert.Equal((1, 0, 1, 0, 0), reply.Receipt());
            Assert.Equal(before, await _api.Snapshot(account));
            Assert.Equal("approved", view.Str("commercePolicyReview.status"));
        }

        Assert.True((await _api.Post(account.Number + "/permits", new { customer, type = "session", messageId = Ids.MessageId() })).Ok().Bool("allowed"));
    }

    [Fact]
    public async Task PendingAfterAnApprovalBeforeGoLiveIsTheLaterWordUnderMetaAndNothingUnderDocument()
    {
        var account = await _api.CodeSentAsync();
        Assert.Equal((1, 1, 0, 0, 0), (await _api.Webhook(Envelope(account.Waba, "account_review_update", new { decision = "APPROVED" }))).Receipt());

        var pending = (await _api.Webhook(Envelope(account.Waba, "account_review_update", new { decision = "PENDING" }))).Receipt();
        await _api.Register(account, account.Phone);

        var view = (await _api.Get(account.Path)).Ok();
        Assert.Equal("live", view.Str("status"));
        var permit = (await _api.Post(account.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() })).Ok();
        if (_rules.HoldsSendsWhileReviewPending)
        {
            Assert.Equal((1, 1, 0, 0, 0), pending);
            Assert.Equal("pending", view.Str("commercePolicyReview.status"));
            Assert.Equal("account_under_review", view.Str("holds[0].reason"));
            Assert.Equal("account_under_review", permit.Str("reason"));
        }
        else
        {
            Assert.Equal((1, 0, 1, 0, 0), pending);
            Assert.Equal("approved", view.Str("commercePolicyReview.status"));
            Assert.Empty(view["holds"]!.AsArray());
            Assert.True(permit.Bool("allowed"));
        }
    }

    [Fact]
    public async Task ReviewReopenedByMetaIsMarkedOverdueByTheReminderAtItsNewDueInstantUnderMetaOnly()
    {
        var account = await _api.LiveAndApprovedAsync();
        (await _api.Webhook(Envelope(account.Waba, "account_review_update", new { decision = "PENDING" }))).Ok();
        var review = (await _api.Get(account.Path)).Ok();

        await _api.Advance(TimeSpan.FromHours(49));

        if (_rules.HoldsSendsWhileReviewPending)
        {
            var dueAt = review.Instant("commercePolicyReview.dueAt");
            Assert.Equal("pending", review.Str("commercePolicyReview.status"));
            Assert.True((await _api.Get(account.Path)).Ok().Bool("commercePolicyReview.overdue"));

            // The reminder fires asynchronously, at the next period after the jump: nudge the clock between reads.
            await Eventually.Until(
                async () => (await _api.EventTypes(account)).Contains("commerce_review_overdue"),
                TimeSpan.FromSeconds(20),
                "the commerce_review_overdue event of the reopened review",
                between: () => _api.Advance(TimeSpan.FromMinutes(1)));
            var overdue = Assert.Single(await _api.Events(account), e => e.Str("type") == "commerce_review_overdue");
            Assert.Equal(dueAt, overdue.Instant("at"));
        }
        else
        {
            Assert.Equal("approved", review.Str("commercePolicyReview.status"));
            var view = (await _api.Get(account.Path)).Ok();
            Assert.False(view.Bool("commercePolicyReview.overdue"));
            Assert.DoesNotContain("commerce_review_overdue", await _api.EventTypes(account));
        }
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
        var account = await _api.LiveAndApprovedAsync();
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

[Collection(ApiCollection.Name)]
public sealed class WebhookAccountDocumentTests(ApiFixture fixture) : WebhookAccountTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class WebhookAccountMetaTests(MetaApiFixture fixture) : WebhookAccountTests(fixture);
