using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

public class ReviewIsOverdue
{
    private static readonly TimeSpan Due = TimeSpan.FromHours(48);

    [Theory]
    [Trait("Rule", "commerce-policy-review")]
    [Trait("Rule", "display-name-review")]
    [InlineData(0, false)]
    [InlineData(48 * 3600 - 1, false)]
    [InlineData(48 * 3600, true)]
    [InlineData(48 * 3600 + 1, true)]
    [InlineData(10 * 24 * 3600, true)]
    public void IsOverdueFromTheDueInstantGivenPending(int secondsAfterRequest, bool overdue)
    {
        var clock = TestClock.New();
        var review = Review.Start(clock.GetUtcNow(), Due);
        clock.Advance(TimeSpan.FromSeconds(secondsAfterRequest));

        Assert.Equal(overdue, review.IsOverdue(clock.GetUtcNow()));
    }

    [Theory]
    [Trait("Rule", "commerce-policy-review")]
    [Trait("Rule", "display-name-review")]
    [InlineData(ReviewDecision.Approved, ReviewStatus.Approved)]
    [InlineData(ReviewDecision.Rejected, ReviewStatus.Rejected)]
    public void IsNeverOverdueGivenDecided(ReviewDecision decision, ReviewStatus status)
    {
        var clock = TestClock.New();
        var review = Review.Start(clock.GetUtcNow(), Due);
        clock.Advance(TimeSpan.FromHours(1));
        var decided = review.Decide(decision, "why", clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(status, decided.Status);
        Assert.Equal(TestClock.Start.AddHours(1), decided.DecidedAt);
        Assert.False(decided.IsOverdue(clock.GetUtcNow()));
    }

    [Fact]
    [Trait("Rule", "commerce-policy-review")]
    public void StartsPendingWithDueInstantAfterTheDueSpan()
    {
        var now = TestClock.New().GetUtcNow();

        var review = Review.Start(now, Due);

        Assert.Equal(ReviewStatus.Pending, review.Status);
        Assert.Equal(now, review.RequestedAt);
        Assert.Equal(now + Due, review.DueAt);
        Assert.Null(review.DecidedAt);
        Assert.False(review.OverdueRaised);
    }
}
