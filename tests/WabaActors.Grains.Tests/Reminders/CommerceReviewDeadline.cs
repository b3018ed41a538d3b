using WabaActors.Contracts.Messaging;
using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Webhooks;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Reminders;

/// <summary>A pending review past its due instant is marked overdue by a reminder, with no request arriving. Runs under both rule profiles.</summary>
public abstract class CommerceReviewDeadline(ClusterFixture fixture)
{
    private const string Overdue = "commerce_review_overdue";

    [Fact]
    public async Task MarksOverdueAtDueInstantGivenDeadlinePassedWhileGrainsInactive()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var dueAt = (await account.ViewAsync()).CommercePolicyReview.DueAt!.Value;
        await fixture.DeactivateAllAsync(account.Grain, account.Number(phones[0]));

        await fixture.AdvanceAsync(fixture.Rules.CommerceReviewDue);

        var entry = await fixture.HistoryEntryAsync(account.Waba, Overdue);
        Assert.Equal(dueAt, entry.Event.At);
        var review = (await account.ViewAsync()).CommercePolicyReview;
        Assert.Equal(("pending", true, dueAt), (review.Status, review.Overdue, review.DueAt));
        var events = await account.EventsAsync();
        Assert.Equal((Overdue, dueAt), (events[^1].Type, events[^1].At));

        // Overdue is not decided: under rules that hold sends while the review is pending, they stay held.
        var decision = await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template);
        Assert.Equal(fixture.Rules.SendsAllowedWhileReviewPending ? (true, null) : (false, DenialReason.AccountUnderReview), (decision.Allowed, decision.Reason));
    }

    [Fact]
    public async Task RaisesOverdueOnceGivenFurtherReminderPeriodsPass()
    {
        var (account, _) = await TestAccount.LiveAsync(fixture.Grains);
        await fixture.AdvanceAsync(fixture.Rules.CommerceReviewDue);
        await fixture.HistoryEntryAsync(account.Waba, Overdue);

        // A later deadline seen to fire proves the earlier reminder had every chance to tick again.
        var (control, _) = await TestAccount.LiveAsync(fixture.Grains);
        await fixture.AdvanceAsync(fixture.Rules.CommerceReviewDue);
        await fixture.HistoryEntryAsync(control.Waba, Overdue);

        Assert.Single(await account.EventsAsync(), e => e.Type == Overdue);
    }

    [Fact]
    public async Task RaisesNoOverdueGivenReviewDecidedBeforeDeadline()
    {
        var (decided, _) = await TestAccount.LiveAsync(fixture.Grains);
        var (control, _) = await TestAccount.LiveAsync(fixture.Grains);
        await fixture.AdvanceAsync(fixture.Rules.CommerceReviewDue - TimeSpan.FromHours(1));
        await decided.Grain.DecideCommerceReviewAsync(decided.Tenant, new ReviewDecisionRequest("approved", null)).Ok();
        await fixture.DeactivateAllAsync(decided.Grain, control.Grain);

        await fixture.AdvanceAsync(TimeSpan.FromHours(1));

        // The control's reminder is due at the same instant: once it fired, the decided one would have too.
        await fixture.HistoryEntryAsync(control.Waba, Overdue);
        Assert.DoesNotContain(await decided.EventsAsync(), e => e.Type == Overdue);
        var review = (await decided.ViewAsync()).CommercePolicyReview;
        Assert.Equal(("approved", false), (review.Status, review.Overdue));
    }

    [Fact]
    public async Task MarksAReviewMetaReopenedOverdueAtItsNewDueInstantOnlyUnderRulesThatHoldSends()
    {
        var (reopened, _) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        await fixture.AdvanceAsync(TimeSpan.FromHours(1));
        var result = await reopened.Grain.ApplyWebhookAsync(new ReviewWebhook(Guid.NewGuid().ToString("N"), "PENDING")).Ok();
        var (control, _) = await TestAccount.LiveAsync(fixture.Grains);
        var dueAt = fixture.Now + fixture.Rules.CommerceReviewDue;
        await fixture.DeactivateAllAsync(reopened.Grain, control.Grain);

        await fixture.AdvanceAsync(fixture.Rules.CommerceReviewDue);

        // The control went live when the review was reopened: once its reminder fired, the reopened one would have too.
        Assert.Equal(dueAt, (await fixture.HistoryEntryAsync(control.Waba, Overdue)).Event.At);
        if (fixture.Rules.SendsAllowedWhileReviewPending)
        {
            Assert.Equal(WebhookResult.Unchanged, result);
            Assert.DoesNotContain(await reopened.EventsAsync(), e => e.Type == Overdue);
            var review = (await reopened.ViewAsync()).CommercePolicyReview;
            Assert.Equal(("approved", false), (review.Status, review.Overdue));
        }
        else
        {
            Assert.Equal(WebhookResult.Applied, result);
            Assert.Equal(dueAt, (await fixture.HistoryEntryAsync(reopened.Waba, Overdue)).Event.At);
            var review = (await reopened.ViewAsync()).CommercePolicyReview;
            Assert.Equal(("pending", true, dueAt), (review.Status, review.Overdue, review.DueAt));
        }
    }
}

[Collection(ClusterCollection.Name)]
public sealed class CommerceReviewDeadlineDocument(ClusterFixture fixture) : CommerceReviewDeadline(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class CommerceReviewDeadlineMeta(MetaClusterFixture fixture) : CommerceReviewDeadline(fixture);
