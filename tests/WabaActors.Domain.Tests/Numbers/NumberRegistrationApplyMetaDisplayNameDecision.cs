using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Numbers;

/// <summary>Meta's phone_number_name_update for the name it names (requested_verified_name).</summary>
public class NumberRegistrationApplyMetaDisplayNameDecision
{
    private const string Rule = "display-name-review";
    private static readonly DateTimeOffset Now = TestClock.Start;

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(ReviewDecision.Approved, ReviewStatus.Approved)]
    [InlineData(ReviewDecision.Rejected, ReviewStatus.Rejected)]
    public void AdoptsTheRequestedNameGivenNoNameSubmittedHere(ReviewDecision decision, ReviewStatus status)
    {
        var changed = TestNumbers.Registered(Now).ApplyMetaDisplayNameDecision(decision, "Lucky Shrub", null, Now).Ok();

        Assert.Equal("Lucky Shrub", changed.State.DisplayName!.Name);
        Assert.Equal(status, changed.State.DisplayName.Review.Status);
        Assert.False(changed.State.DisplayName.Review.IsOverdue(Now.AddDays(5)));
        Assert.Equal([AccountEventTypes.DisplayNameSubmitted, AccountEventTypes.DisplayNameDecided], changed.Events.Types());
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RefusesGivenNoNameHereAndNoneNamedByMeta() =>
        TestNumbers.Registered(Now).ApplyMetaDisplayNameDecision(ReviewDecision.Approved, null, null, Now).Refused(ErrorCodes.ReviewNotRequested);

    [Fact]
    [Trait("Rule", Rule)]
    public void ChangesNothingButTheHistoryGivenADecisionForAnotherName()
    {
        var number = TestNumbers.Registered(Now).SubmitDisplayName("Acme Garden", TestNumbers.Rules, Now).Ok().State;

        var changed = number.ApplyMetaDisplayNameDecision(ReviewDecision.Approved, "Acme Old Name", null, Now.AddHours(1)).Ok();

        Assert.Same(number, changed.State);
        Assert.Equal(ReviewStatus.Pending, changed.State.DisplayName!.Review.Status);
        var ignored = Assert.Single(changed.Events);
        Assert.Equal(AccountEventTypes.DisplayNameDecisionIgnored, ignored.Type);
        Assert.Equal("Acme Old Name", ignored.Value);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData("Acme Garden")]
    [InlineData("ACME GARDEN")]
    [InlineData(null)]
    public void DecidesThePendingNameGivenItsNameOrNone(string? requested)
    {
        var number = TestNumbers.Registered(Now).SubmitDisplayName("Acme Garden", TestNumbers.Rules, Now).Ok().State;

        var changed = number.ApplyMetaDisplayNameDecision(ReviewDecision.Rejected, requested, "NONE_OF_THAT", Now.AddHours(1)).Ok();

        Assert.Equal(ReviewStatus.Rejected, changed.State.DisplayName!.Review.Status);
        Assert.Equal([AccountEventTypes.DisplayNameDecided], changed.Events.Types());
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void SameDecisionAgainChangesNothing()
    {
        var number = TestNumbers.Registered(Now).ApplyMetaDisplayNameDecision(ReviewDecision.Approved, "Lucky Shrub", null, Now).Ok().State;

        var again = number.ApplyMetaDisplayNameDecision(ReviewDecision.Approved, "Lucky Shrub", null, Now.AddHours(1)).Ok();

        Assert.Same(number, again.State);
        Assert.Empty(again.Events);
    }
}
