using WabaActors.Domain.Events;
using WabaActors.Domain.Numbers;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Numbers;

public class NumberRegistrationDisplayNameDeadlineReached
{
    private static readonly WabaRules Rules = WabaRules.Document;

    private static NumberRegistration Submitted(DateTimeOffset now) =>
        TestNumbers.Registered(now).SubmitDisplayName("Acme", Rules, now).Ok().State;

    [Fact]
    [Trait("Rule", "display-name-review")]
    public void RaisesNothingGivenOneTickBeforeDue()
    {
        var clock = TestClock.New();
        var number = Submitted(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(48) - TimeSpan.FromTicks(1));

        var changed = number.DisplayNameDeadlineReached(clock.GetUtcNow());

        Assert.Empty(changed.Events);
        Assert.False(changed.State.DisplayName!.Review.OverdueRaised);
    }

    [Theory]
    [Trait("Rule", "display-name-review")]
    [InlineData(0)]
    [InlineData(7 * 3600)]
    public void RaisesOverdueAtTheDueInstantGivenDueOrLater(int secondsLate)
    {
        var clock = TestClock.New();
        var number = Submitted(clock.GetUtcNow());
        var due = number.DisplayName!.Review.DueAt;
        clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromSeconds(secondsLate));

        var changed = number.DisplayNameDeadlineReached(clock.GetUtcNow());

        var e = Assert.Single(changed.Events);
        Assert.Equal(AccountEventTypes.DisplayNameReviewOverdue, e.Type);
        Assert.Equal(due, e.At);
        Assert.Equal(TestNumbers.Phone, e.Phone);
        Assert.True(changed.State.DisplayName!.Review.OverdueRaised);
        Assert.Equal(ReviewStatus.Pending, changed.State.DisplayName.Review.Status);
    }

    [Fact]
    [Trait("Rule", "display-name-review")]
    public void RaisesOverdueOnceGivenReminderFiresTwice()
    {
        var clock = TestClock.New();
        var number = Submitted(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(48));
        number = number.DisplayNameDeadlineReached(clock.GetUtcNow()).State;
        clock.Advance(TimeSpan.FromHours(1));

        var again = number.DisplayNameDeadlineReached(clock.GetUtcNow());

        Assert.Empty(again.Events);
        Assert.Same(number, again.State);
    }

    [Theory]
    [Trait("Rule", "display-name-review")]
    [InlineData(ReviewDecision.Approved)]
    [InlineData(ReviewDecision.Rejected)]
    public void RaisesNothingGivenNameDecidedBeforeDue(ReviewDecision decision)
    {
        var clock = TestClock.New();
        var number = Submitted(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(24));
        number = number.DecideDisplayName(decision, null, clock.GetUtcNow()).Ok().State;
        clock.Advance(TimeSpan.FromHours(24));

        Assert.Empty(number.DisplayNameDeadlineReached(clock.GetUtcNow()).Events);
    }

    [Fact]
    [Trait("Rule", "display-name-review")]
    public void RaisesNothingGivenNoNameSubmitted()
    {
        var clock = TestClock.New();
        var number = TestNumbers.Registered(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(3));

        Assert.Empty(number.DisplayNameDeadlineReached(clock.GetUtcNow()).Events);
    }

    [Fact]
    [Trait("Rule", "display-name-review")]
    public void RaisesOverdueForTheNewNameGivenNameReplacedAfterAnOverdue()
    {
        var clock = TestClock.New();
        var number = Submitted(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(48));
        number = number.DisplayNameDeadlineReached(clock.GetUtcNow()).State;
        number = number.SubmitDisplayName("Acme Retail", Rules, clock.GetUtcNow()).Ok().State;
        var due = clock.GetUtcNow().AddHours(48);
        clock.Advance(TimeSpan.FromHours(48));

        var e = Assert.Single(number.DisplayNameDeadlineReached(clock.GetUtcNow()).Events);

        Assert.Equal(due, e.At);
    }
}
