using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

public class AccountNumberRegistered
{
    private static readonly WabaRules Rules = WabaRules.Document;
    private const string First = TestAccounts.FirstPhone;
    private const string Second = TestAccounts.SecondPhone;

    [Fact]
    [Trait("Rule", "onboarding-steps-in-order")]
    [Trait("Rule", "commerce-policy-review")]
    public void MakesAccountLiveAndRequestsCommerceReviewDueIn48HoursGivenFirstNumber()
    {
        var clock = TestClock.New();
        var account = TestAccounts.WithNumbers(clock.GetUtcNow(), Rules, First, Second);
        clock.Advance(TimeSpan.FromMinutes(4));
        var now = clock.GetUtcNow();

        var changed = account.NumberRegistered(First, Rules, now);

        var state = changed.State;
        Assert.Equal(AccountStatus.Live, state.Status);
        Assert.Equal(StepStatus.Done, state.StepStatus(OnboardingStep.PhoneNumbers));
        Assert.Equal(now, state.FindNumber(First)!.RegisteredAt);
        Assert.Null(state.FindNumber(Second)!.RegisteredAt);
        var review = state.CommerceReview!;
        Assert.Equal(ReviewStatus.Pending, review.Status);
        Assert.Equal(now, review.RequestedAt);
        Assert.Equal(now.AddHours(48), review.DueAt);
        Assert.False(review.IsOverdue(now));
        Assert.Equal([AccountEventTypes.AccountLive, AccountEventTypes.CommerceReviewRequested], changed.Events.Types());
        Assert.All(changed.Events, e => Assert.Equal(now, e.At));
        Assert.Equal(First, changed.Events[0].Phone);
    }

    [Fact]
    [Trait("Rule", "commerce-policy-review")]
    public void DueInstantFollowsTheCommerceReviewDueKnob()
    {
        var now = TestClock.New().GetUtcNow();
        var rules = Rules with { CommerceReviewDue = TimeSpan.FromHours(24) };

        var changed = TestAccounts.WithNumbers(now, rules, First).NumberRegistered(First, rules, now);

        Assert.Equal(now.AddHours(24), changed.State.CommerceReview!.DueAt);
    }

    [Fact]
    [Trait("Rule", "commerce-policy-review")]
    public void StartsNoNewReviewGivenSecondNumberRegistered()
    {
        var clock = TestClock.New();
        var liveAt = clock.GetUtcNow();
        var account = TestAccounts.WithNumbers(liveAt, Rules, First, Second).NumberRegistered(First, Rules, liveAt).State;
        clock.Advance(TimeSpan.FromHours(3));
        var now = clock.GetUtcNow();

        var changed = account.NumberRegistered(Second, Rules, now);

        Assert.Empty(changed.Events);
        Assert.Equal(account.CommerceReview, changed.State.CommerceReview);
        Assert.Equal(liveAt, changed.State.CommerceReview!.RequestedAt);
        Assert.Equal(now, changed.State.FindNumber(Second)!.RegisteredAt);
        Assert.Equal(AccountStatus.Live, changed.State.Status);
    }

    [Fact]
    [Trait("Rule", "commerce-policy-review")]
    public void ChangesNothingGivenSameNumberRegisteredAgain()
    {
        var clock = TestClock.New();
        var account = TestAccounts.Live(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(1));

        var changed = account.NumberRegistered(First, Rules, clock.GetUtcNow());

        Assert.Empty(changed.Events);
        Assert.Same(account, changed.State);
    }

    [Fact]
    public void ThrowsGivenNumberNotOnTheAccount()
    {
        var now = TestClock.New().GetUtcNow();

        Assert.Throws<InvalidOperationException>(() => TestAccounts.Step3Done(now).NumberRegistered(First, Rules, now));
    }
}
