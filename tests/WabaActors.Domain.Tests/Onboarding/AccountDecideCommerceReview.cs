using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

public class AccountDecideCommerceReview
{
    [Fact]
    [Trait("Rule", "commerce-policy-review")]
    public void RefusesReviewNotRequestedGivenAccountNotLive()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.WithNumbers(now, TestAccounts.Rules, TestAccounts.FirstPhone);

        account.DecideCommerceReview(ReviewDecision.Approved, null, now).Refused(ErrorCodes.ReviewNotRequested);
    }

    [Fact]
    [Trait("Rule", "commerce-policy-review")]
    public void KeepsAccountLiveGivenApproved()
    {
        var clock = TestClock.New();
        var account = TestAccounts.Live(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(20));
        var now = clock.GetUtcNow();

        var changed = account.DecideCommerceReview(ReviewDecision.Approved, null, now).Ok();

        Assert.Equal(AccountStatus.Live, changed.State.Status);
        Assert.Equal(ReviewStatus.Approved, changed.State.CommerceReview!.Status);
        Assert.Equal(now, changed.State.CommerceReview.DecidedAt);
        var e = Assert.Single(changed.Events);
        Assert.Equal(AccountEventTypes.CommerceReviewDecided, e.Type);
        Assert.Equal("approved", e.Value);
        Assert.Equal(now, e.At);
    }

    [Fact]
    [Trait("Rule", "commerce-policy-review")]
    public void BlocksAccountGivenRejected()
    {
        var clock = TestClock.New();
        var account = TestAccounts.Live(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(30));
        var now = clock.GetUtcNow();

        var changed = account.DecideCommerceReview(ReviewDecision.Rejected, "sells restricted goods", now).Ok();

        Assert.Equal(AccountStatus.Blocked, changed.State.Status);
        Assert.Equal(ReviewStatus.Rejected, changed.State.CommerceReview!.Status);
        Assert.Equal("sells restricted goods", changed.State.CommerceReview.Reason);
        Assert.Equal([AccountEventTypes.CommerceReviewDecided, AccountEventTypes.AccountBlocked], changed.Events.Types());
        Assert.All(changed.Events, e => Assert.Equal(now, e.At));
        Assert.Equal("rejected", changed.Events[0].Value);
        Assert.Equal("sells restricted goods", changed.Events[0].Reason);
    }

    [Fact]
    [Trait("Rule", "commerce-policy-review")]
    public void UnblocksAccountGivenApprovedAfterRejected()
    {
        var clock = TestClock.New();
        var account = TestAccounts.Live(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(30));
        account = account.DecideCommerceReview(ReviewDecision.Rejected, "x", clock.GetUtcNow()).Ok().State;
        clock.Advance(TimeSpan.FromDays(2));
        var now = clock.GetUtcNow();

        var changed = account.DecideCommerceReview(ReviewDecision.Approved, null, now).Ok();

        Assert.Equal(AccountStatus.Live, changed.State.Status);
        Assert.Equal(now, changed.State.CommerceReview!.DecidedAt);
        Assert.Null(changed.State.CommerceReview.Reason);
        Assert.Equal([AccountEventTypes.CommerceReviewDecided, AccountEventTypes.AccountUnblocked], changed.Events.Types());
        Assert.All(changed.Events, e => Assert.Equal(now, e.At));
    }

    [Fact]
    [Trait("Rule", "commerce-policy-review")]
    public void RaisesNoSecondBlockGivenRejectedTwice()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.Live(now).DecideCommerceReview(ReviewDecision.Rejected, "x", now).Ok().State;

        var changed = account.DecideCommerceReview(ReviewDecision.Rejected, "y", now).Ok();

        Assert.Equal(AccountStatus.Blocked, changed.State.Status);
        Assert.Equal([AccountEventTypes.CommerceReviewDecided], changed.Events.Types());
    }

    [Fact]
    [Trait("Rule", "commerce-policy-review")]
    public void StaysBlockedWithoutUnblockEventGivenApprovedWhileMetaDisabledTheAccount()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.Live(now) with { Disabled = true };
        Assert.Equal(AccountStatus.Blocked, account.Status);

        var changed = account.DecideCommerceReview(ReviewDecision.Approved, null, now).Ok();

        Assert.Equal(AccountStatus.Blocked, changed.State.Status);
        Assert.Equal([AccountEventTypes.CommerceReviewDecided], changed.Events.Types());
    }
}
