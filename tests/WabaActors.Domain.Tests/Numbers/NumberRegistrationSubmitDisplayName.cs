using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Numbers;

public class NumberRegistrationSubmitDisplayName
{
    private static readonly WabaRules Rules = WabaRules.Document;

    [Fact]
    [Trait("Rule", "display-name-review")]
    public void StartsPendingReviewDueIn48HoursGivenValidName()
    {
        var clock = TestClock.New();
        var number = TestNumbers.Registered(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(30));
        var now = clock.GetUtcNow();

        var changed = number.SubmitDisplayName(" Acme Shop ", Rules, now).Ok();

        var name = changed.State.DisplayName!;
        Assert.Equal("Acme Shop", name.Name);
        Assert.Equal(ReviewStatus.Pending, name.Review.Status);
        Assert.Equal(now, name.Review.RequestedAt);
        Assert.Equal(now.AddHours(48), name.Review.DueAt);
        var e = Assert.Single(changed.Events);
        Assert.Equal(AccountEventTypes.DisplayNameSubmitted, e.Type);
        Assert.Equal(now, e.At);
        Assert.Equal(TestNumbers.Phone, e.Phone);
        Assert.Equal("Acme Shop", e.Value);
    }

    [Theory]
    [Trait("Rule", "display-name-review")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Acme\u0000Shop")]
    [InlineData("Acme\nShop")]
    [InlineData("Acme\u001b[31m")]
    public void RefusesWithNameFieldErrorGivenInvalidName(string? name)
    {
        var now = TestClock.New().GetUtcNow();

        TestNumbers.Registered(now).SubmitDisplayName(name, Rules, now).Invalid("name");
    }

    [Fact]
    [Trait("Rule", "display-name-review")]
    public void RefusesNameOver256CharactersButAccepts256()
    {
        var now = TestClock.New().GetUtcNow();
        var number = TestNumbers.Registered(now);

        number.SubmitDisplayName(new string('n', 256), Rules, now).Ok();
        number.SubmitDisplayName(new string('n', 257), Rules, now).Invalid("name");
    }

    [Fact]
    [Trait("Rule", "display-name-review")]
    public void KeepsTheDueInstantGivenSameNamePendingAgain()
    {
        var clock = TestClock.New();
        var number = TestNumbers.Registered(clock.GetUtcNow()).SubmitDisplayName("Acme", Rules, clock.GetUtcNow()).Ok().State;
        clock.Advance(TimeSpan.FromHours(10));

        var changed = number.SubmitDisplayName("Acme", Rules, clock.GetUtcNow()).Ok();

        Assert.Empty(changed.Events);
        Assert.Equal(TestClock.Start.AddHours(48), changed.State.DisplayName!.Review.DueAt);
    }

    [Fact]
    [Trait("Rule", "display-name-review")]
    public void KeepsTheApprovalGivenSameNameSubmittedAgainAfterApproval()
    {
        var clock = TestClock.New();
        var number = TestNumbers.Registered(clock.GetUtcNow()).SubmitDisplayName("Acme", Rules, clock.GetUtcNow()).Ok().State;
        clock.Advance(TimeSpan.FromHours(20));
        number = number.DecideDisplayName(ReviewDecision.Approved, null, clock.GetUtcNow()).Ok().State;
        clock.Advance(TimeSpan.FromHours(1));

        var changed = number.SubmitDisplayName("Acme", Rules, clock.GetUtcNow()).Ok();

        Assert.Empty(changed.Events);
        Assert.Equal(ReviewStatus.Approved, changed.State.DisplayName!.Review.Status);
    }

    [Fact]
    [Trait("Rule", "display-name-review")]
    public void RestartsTheReviewGivenSameNameSubmittedAgainAfterRejection()
    {
        var clock = TestClock.New();
        var number = TestNumbers.Registered(clock.GetUtcNow()).SubmitDisplayName("Acme", Rules, clock.GetUtcNow()).Ok().State;
        clock.Advance(TimeSpan.FromHours(20));
        number = number.DecideDisplayName(ReviewDecision.Rejected, "too generic", clock.GetUtcNow()).Ok().State;
        clock.Advance(TimeSpan.FromHours(1));
        var now = clock.GetUtcNow();

        var changed = number.SubmitDisplayName("Acme", Rules, now).Ok();

        Assert.Equal(ReviewStatus.Pending, changed.State.DisplayName!.Review.Status);
        Assert.Equal(now.AddHours(48), changed.State.DisplayName.Review.DueAt);
        Assert.Equal([AccountEventTypes.DisplayNameSubmitted], changed.Events.Types());
    }

    [Fact]
    [Trait("Rule", "display-name-review")]
    public void RestartsTheReviewGivenNewNameAfterRejection()
    {
        var clock = TestClock.New();
        var number = TestNumbers.Registered(clock.GetUtcNow()).SubmitDisplayName("Acme", Rules, clock.GetUtcNow()).Ok().State;
        clock.Advance(TimeSpan.FromHours(20));
        number = number.DecideDisplayName(ReviewDecision.Rejected, "too generic", clock.GetUtcNow()).Ok().State;
        clock.Advance(TimeSpan.FromHours(1));
        var now = clock.GetUtcNow();

        var changed = number.SubmitDisplayName("Acme Retail CZ", Rules, now).Ok();

        var name = changed.State.DisplayName!;
        Assert.Equal("Acme Retail CZ", name.Name);
        Assert.Equal(ReviewStatus.Pending, name.Review.Status);
        Assert.Equal(now.AddHours(48), name.Review.DueAt);
        Assert.Null(name.Review.DecidedAt);
        Assert.Null(name.Review.Reason);
        Assert.Equal([AccountEventTypes.DisplayNameSubmitted], changed.Events.Types());
    }

    [Fact]
    [Trait("Rule", "display-name-review")]
    public void FollowsTheDisplayNameReviewDueKnob()
    {
        var now = TestClock.New().GetUtcNow();
        var rules = Rules with { DisplayNameReviewDue = TimeSpan.FromHours(24) };

        var changed = TestNumbers.Registered(now).SubmitDisplayName("Acme", rules, now).Ok();

        Assert.Equal(now.AddHours(24), changed.State.DisplayName!.Review.DueAt);
    }
}
