using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Numbers;

public class NumberRegistrationDecideDisplayName
{
    private static readonly WabaRules Rules = WabaRules.Document;

    [Fact]
    [Trait("Rule", "display-name-review")]
    public void RefusesReviewNotRequestedGivenNoNameSubmitted()
    {
        var now = TestClock.New().GetUtcNow();

        TestNumbers.Registered(now).DecideDisplayName(ReviewDecision.Approved, null, now).Refused(ErrorCodes.ReviewNotRequested);
    }

    [Fact]
    [Trait("Rule", "display-name-review")]
    public void ApprovesTheNameGivenApproved()
    {
        var clock = TestClock.New();
        var number = TestNumbers.Registered(clock.GetUtcNow()).SubmitDisplayName("Acme", Rules, clock.GetUtcNow()).Ok().State;
        clock.Advance(TimeSpan.FromHours(26));
        var now = clock.GetUtcNow();

        var changed = number.DecideDisplayName(ReviewDecision.Approved, null, now).Ok();

        var review = changed.State.DisplayName!.Review;
        Assert.Equal(ReviewStatus.Approved, review.Status);
        Assert.Equal(now, review.DecidedAt);
        Assert.Equal("Acme", changed.State.DisplayName.Name);
        var e = Assert.Single(changed.Events);
        Assert.Equal(AccountEventTypes.DisplayNameDecided, e.Type);
        Assert.Equal(now, e.At);
        Assert.Equal("approved", e.Value);
        Assert.Equal(TestNumbers.Phone, e.Phone);
    }

    [Fact]
    [Trait("Rule", "display-name-review")]
    public void RejectsWithReasonGivenRejected()
    {
        var clock = TestClock.New();
        var number = TestNumbers.Registered(clock.GetUtcNow()).SubmitDisplayName("Acme", Rules, clock.GetUtcNow()).Ok().State;
        clock.Advance(TimeSpan.FromHours(40));
        var now = clock.GetUtcNow();

        var changed = number.DecideDisplayName(ReviewDecision.Rejected, "does not match the business name", now).Ok();

        var review = changed.State.DisplayName!.Review;
        Assert.Equal(ReviewStatus.Rejected, review.Status);
        Assert.Equal("does not match the business name", review.Reason);
        var e = Assert.Single(changed.Events);
        Assert.Equal("rejected", e.Value);
        Assert.Equal("does not match the business name", e.Reason);
        Assert.Equal(now, e.At);
    }

    [Fact]
    [Trait("Rule", "display-name-review")]
    public void ReplacesTheEarlierDecisionGivenLaterDecision()
    {
        var clock = TestClock.New();
        var number = TestNumbers.Registered(clock.GetUtcNow()).SubmitDisplayName("Acme", Rules, clock.GetUtcNow()).Ok().State;
        clock.Advance(TimeSpan.FromHours(1));
        number = number.DecideDisplayName(ReviewDecision.Rejected, "x", clock.GetUtcNow()).Ok().State;
        clock.Advance(TimeSpan.FromHours(1));
        var now = clock.GetUtcNow();

        var review = number.DecideDisplayName(ReviewDecision.Approved, null, now).Ok().State.DisplayName!.Review;

        Assert.Equal(ReviewStatus.Approved, review.Status);
        Assert.Equal(now, review.DecidedAt);
        Assert.Null(review.Reason);
    }
}
