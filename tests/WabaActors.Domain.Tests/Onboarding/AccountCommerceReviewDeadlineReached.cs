using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

public class AccountCommerceReviewDeadlineReached
{
    [Fact]
    [Trait("Rule", "commerce-policy-review")]
    public void RaisesNothingGivenOneTickBeforeDue()
    {
        var clock = TestClock.New();
        var account = TestAccounts.Live(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(48) - TimeSpan.FromTicks(1));

        var changed = account.CommerceReviewDeadlineReached(clock.GetUtcNow());

        Assert.Empty(changed.Events);
        Assert.False(changed.State.CommerceReview!.OverdueRaised);
    }

    [Fact]
    [Trait("Rule", "commerce-policy-review")]
    public void RaisesOverdueAtTheDueInstantGivenExactlyDue()
    {
        var clock = TestClock.New();
        var account = TestAccounts.Live(clock.GetUtcNow());
        var due = account.CommerceReview!.DueAt;
        clock.Advance(TimeSpan.FromHours(48));
        Assert.Equal(due, clock.GetUtcNow());

        var changed = account.CommerceReviewDeadlineReached(clock.GetUtcNow());

        var e = Assert.Single(changed.Events);
        Assert.Equal(AccountEventTypes.CommerceReviewOverdue, e.Type);
        Assert.Equal(due, e.At);
        Assert.True(changed.State.CommerceReview!.OverdueRaised);
        Assert.True(changed.State.CommerceReview.IsOverdue(clock.GetUtcNow()));
        Assert.Equal(ReviewStatus.Pending, changed.State.CommerceReview.Status);
        Assert.Equal(AccountStatus.Live, changed.State.Status);
    }

    [Fact]
    [Trait("Rule", "commerce-policy-review")]
    public void DatesOverdueAtTheDueInstantGivenReminderFiresLate()
    {
        var clock = TestClock.New();
        var account = TestAccounts.Live(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(3));

        var e = Assert.Single(account.CommerceReviewDeadlineReached(clock.GetUtcNow()).Events);

        Assert.Equal(TestClock.Start.AddHours(48), e.At);
    }

    [Fact]
    [Trait("Rule", "commerce-policy-review")]
    public void RaisesOverdueOnceGivenReminderFiresTwice()
    {
        var clock = TestClock.New();
        var account = TestAccounts.Live(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(48));
        account = account.CommerceReviewDeadlineReached(clock.GetUtcNow()).State;
        clock.Advance(TimeSpan.FromMinutes(1));

        var again = account.CommerceReviewDeadlineReached(clock.GetUtcNow());

        Assert.Empty(again.Events);
        Assert.Same(account, again.State);
    }

    [Theory]
    [Trait("Rule", "commerce-policy-review")]
    [InlineData(ReviewDecision.Approved)]
    [InlineData(ReviewDecision.Rejected)]
    public void RaisesNothingGivenReviewDecidedBeforeDue(ReviewDecision decision)
    {
        var clock = TestClock.New();
        var account = TestAccounts.Live(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(47));
        account = account.DecideCommerceReview(decision, null, clock.GetUtcNow()).Ok().State;
        clock.Advance(TimeSpan.FromHours(1));

        var changed = account.CommerceReviewDeadlineReached(clock.GetUtcNow());

        Assert.Empty(changed.Events);
        Assert.False(changed.State.CommerceReview!.IsOverdue(clock.GetUtcNow()));
    }

    [Fact]
    [Trait("Rule", "commerce-policy-review")]
    public void RaisesNothingGivenAccountNotLive()
    {
        var clock = TestClock.New();
        var account = TestAccounts.Step3Done(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(5));

        Assert.Empty(account.CommerceReviewDeadlineReached(clock.GetUtcNow()).Events);
    }
}
