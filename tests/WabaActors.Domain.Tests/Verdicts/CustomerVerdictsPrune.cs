using WabaActors.Domain.Verdicts;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Verdicts;

/// <summary>Every verdict expires: a hold at its end, a stop after the opt-out retention, a resume after the status retention.</summary>
public class CustomerVerdictsPrune
{
    [Fact]
    public void DropsAHoldExactlyWhenItEnds()
    {
        var verdicts = VerdictsOf.New();
        verdicts.Failed("wamid.1", Alice, MetaErrorCodes.MarketingLimit, Start);

        verdicts.Prune(Start + Day - Tick);
        Assert.Equal(1, verdicts.Count);

        verdicts.Prune(Start + Day);
        Assert.Equal(0, verdicts.Count);
    }

    [Fact]
    public void DropsAStopAfterTheOptOutRetentionAndAResumeAfterTheStatusRetention()
    {
        var verdicts = VerdictsOf.New();
        verdicts.Preference(Alice, stop: true, Start, Start);
        verdicts.Preference(Bob, stop: false, Start, Start);

        verdicts.Prune(Start + VerdictsOf.Seen);
        Assert.Equal(1, verdicts.Count);
        Assert.NotNull(verdicts.Marketing(Alice, Start + VerdictsOf.OptOut - Tick));

        verdicts.Prune(Start + VerdictsOf.OptOut);
        Assert.Equal(0, verdicts.Count);
    }

    [Fact]
    public void DropsAHoldWhenItEndsGivenAStopHeldLongerWasLearnedBeforeIt()
    {
        var verdicts = VerdictsOf.New();
        verdicts.Preference(Bob, stop: true, Start, Start);
        verdicts.Failed("wamid.1", Alice, MetaErrorCodes.MarketingLimit, Start);

        verdicts.Prune(Start + Day);

        Assert.Equal(1, verdicts.Count);
    }

    [Fact]
    public void DropsEveryHoldWhenItEndsGivenFailuresLearnedOutOfOrder()
    {
        var verdicts = VerdictsOf.New();
        var now = Start + TimeSpan.FromHours(20);
        verdicts.Failed("wamid.1", Of(1), MetaErrorCodes.MarketingLimit, Start + TimeSpan.FromHours(20), now);
        verdicts.Failed("wamid.2", Of(2), MetaErrorCodes.MarketingLimit, Start, now);

        verdicts.Prune(Start + Day);

        Assert.Equal(1, verdicts.Count);
    }

    [Fact]
    public void KeepsAStoppedCustomerWhoseHoldEndedUntilTheStopExpires()
    {
        var verdicts = VerdictsOf.New();
        verdicts.Failed("wamid.1", Alice, MetaErrorCodes.MarketingLimit, Start);
        verdicts.Preference(Alice, stop: true, Start, Start);

        verdicts.Prune(Start + Day);

        Assert.Equal(1, verdicts.Count);
        Assert.NotNull(verdicts.Marketing(Alice, Start + Day));
    }
}
