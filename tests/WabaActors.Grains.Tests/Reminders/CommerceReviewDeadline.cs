using WabaActors.Contracts.Accounts;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Reminders;

/// <summary>A pending review past its due instant is marked overdue by a reminder, with no request arriving.</summary>
[Collection(ClusterCollection.Name)]
public class CommerceReviewDeadline(ClusterFixture fixture)
{
    [Fact]
    public async Task MarksOverdueAtDueInstantGivenDeadlinePassedWhileGrainsInactive()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var dueAt = (await account.ViewAsync()).CommercePolicyReview.DueAt!.Value;
        await fixture.DeactivateAllAsync(account.Grain, account.Number(phones[0]));

        await fixture.AdvanceAsync(TimeSpan.FromHours(48));

        // Poll the store, not the grain: only the reminder may wake the account.
        var overdue = await OverdueEventAsync(account.Waba);
        Assert.Equal(dueAt, overdue.Event.At);
        var view = await account.ViewAsync();
        Assert.Equal(("pending", true), (view.CommercePolicyReview.Status, view.CommercePolicyReview.Overdue));
        var events = await account.EventsAsync();
        Assert.Equal("commerce_review_overdue", events[^1].Type);
        Assert.Equal(dueAt, events[^1].At);
    }

    [Fact]
    public async Task RaisesOverdueOnceGivenReminderPeriodsPassing()
    {
        var (account, _) = await TestAccount.LiveAsync(fixture.Grains);
        await fixture.AdvanceAsync(TimeSpan.FromHours(48));
        await OverdueEventAsync(account.Waba);

        await fixture.AdvanceAsync(TimeSpan.FromMinutes(3));
        var (control, _) = await TestAccount.LiveAsync(fixture.Grains);
        await fixture.AdvanceAsync(TimeSpan.FromHours(48));
        await OverdueEventAsync(control.Waba);

        Assert.Single(await account.EventsAsync(), e => e.Type == "commerce_review_overdue");
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
        await OverdueEventAsync(control.Waba);
        Assert.DoesNotContain(await decided.EventsAsync(), e => e.Type == "commerce_review_overdue");
        var review = (await decided.ViewAsync()).CommercePolicyReview;
        Assert.Equal(("approved", false), (review.Status, review.Overdue));
    }

    private Task<Grains.Storage.StoredEvent> OverdueEventAsync(string waba) =>
        Eventually.GetAsync(
            async () => (await fixture.History.ReadAsync(waba, 0, 1000)).FirstOrDefault(e => e.Event.Type == "commerce_review_overdue"),
            e => e is not null,
            $"commerce_review_overdue of {waba}").ContinueWith(t => t.Result!, TaskScheduler.Default);
}
