using WabaActors.Contracts.Accounts;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Reminders;

/// <summary>A pending review past its due instant is marked overdue by a reminder, with no request arriving.</summary>
[Collection(ClusterCollection.Name)]
public class CommerceReviewDeadline(ClusterFixture fixture)
{
    private const string Overdue = "commerce_review_overdue";

    [Fact]
    public async Task MarksOverdueAtDueInstantGivenDeadlinePassedWhileGrainsInactive()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var dueAt = (await account.ViewAsync()).CommercePolicyReview.DueAt!.Value;
        await fixture.DeactivateAllAsync(account.Grain, account.Number(phones[0]));

        await fixture.AdvanceAsync(TimeSpan.FromHours(48));

        var entry = await fixture.HistoryEntryAsync(account.Waba, Overdue);
        Assert.Equal(dueAt, entry.Event.At);
        var review = (await account.ViewAsync()).CommercePolicyReview;
        Assert.Equal(("pending", true, dueAt), (review.Status, review.Overdue, review.DueAt));
        var events = await account.EventsAsync();
        Assert.Equal((Overdue, dueAt), (events[^1].Type, events[^1].At));
    }

    [Fact]
    public async Task RaisesOverdueOnceGivenFurtherReminderPeriodsPass()
    {
        var (account, _) = await TestAccount.LiveAsync(fixture.Grains);
        await fixture.AdvanceAsync(TimeSpan.FromHours(48));
        await fixture.HistoryEntryAsync(account.Waba, Overdue);

        // A later deadline seen to fire proves the earlier reminder had every chance to tick again.
        var (control, _) = await TestAccount.LiveAsync(fixture.Grains);
        await fixture.AdvanceAsync(TimeSpan.FromHours(48));
        await fixture.HistoryEntryAsync(control.Waba, Overdue);

        Assert.Single(await account.EventsAsync(), e => e.Type == Overdue);
    }

    [Fact]
    public async Task RaisesNoOverdueGivenReviewDecidedBeforeDeadline()
    {
        var (decided, _) = await TestAccount.LiveAsync(fixture.Grains);
        var (control, _) = await TestAccount.LiveAsync(fixture.Grains);
        await fixture.AdvanceAsync(TimeSpan.FromHours(47));
        await decided.Grain.DecideCommerceReviewAsync(decided.Tenant, new ReviewDecisionRequest("approved", null)).Ok();
        await fixture.DeactivateAllAsync(decided.Grain, control.Grain);

        await fixture.AdvanceAsync(TimeSpan.FromHours(1));

        // The control's reminder is due at the same instant: once it fired, the decided one would have too.
        await fixture.HistoryEntryAsync(control.Waba, Overdue);
        Assert.DoesNotContain(await decided.EventsAsync(), e => e.Type == Overdue);
        var review = (await decided.ViewAsync()).CommercePolicyReview;
        Assert.Equal(("approved", false), (review.Status, review.Overdue));
    }
}
