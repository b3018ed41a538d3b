using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Templates;
using WabaActors.Domain.Verdicts;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Verdicts;

/// <summary>131050 and <c>user_preferences</c>: marketing templates stop until a later resume; the latest by Meta's instant wins.</summary>
public class CustomerVerdictsOptOut
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void DeniesMarketingOptedOutUntilALaterResumeGiven131050()
    {
        var verdicts = VerdictsOf.New();

        var stopped = verdicts.Failed("wamid.1", Alice, MetaErrorCodes.MarketingStopped, Start);

        Assert.Equal(VerdictEffect.MarketingOptedOut, stopped.Effect);
        Assert.Equal(new CustomerVerdict(Alice, VerdictKind.MarketingStopped, Start.UtcTicks, CustomerVerdicts.OutcomeDigest(Message("wamid.1"), SendStatus.Failed)), stopped.Changed);
        AssertOptedOut(verdicts.Marketing(Alice, Start + TimeSpan.FromDays(30)));
        AssertOptedOut(verdicts.Marketing(Alice, Start + Hour, windowOpen: true));

        var resumed = verdicts.Preference(Alice, stop: false, Start + (2 * Hour), Start + (2 * Hour));

        Assert.Equal(VerdictEffect.MarketingResumed, resumed.Effect);
        Assert.Null(verdicts.Marketing(Alice, Start + (2 * Hour)));
    }

    [Fact]
    public void DeniesMarketingOptedOutGivenAPreferenceStop()
    {
        var verdicts = VerdictsOf.New();

        var step = verdicts.Preference(AliceBsuid, stop: true, Start, Start);

        Assert.Equal((VerdictEffect.MarketingOptedOut, new CustomerVerdict(AliceBsuid, VerdictKind.MarketingStopped, Start.UtcTicks)), (step.Effect, step.Changed));
        AssertOptedOut(verdicts.Marketing(AliceBsuid, Start + Hour));
        AssertOptedOut(verdicts.Check(Alice, [AliceBsuid], TemplateCategory.Marketing, false, Start + Hour));
        Assert.Null(verdicts.Marketing(Alice, Start + Hour));
    }

    [Fact]
    public void ChangesNothingGivenAResumeOlderThanTheStopHeld()
    {
        var verdicts = VerdictsOf.New();
        verdicts.Preference(Alice, stop: true, Start + Hour, Start + Hour);

        var late = verdicts.Preference(Alice, stop: false, Start, Start + (2 * Hour));

        Assert.Equal((VerdictEffect.Superseded, (CustomerVerdict?)null), (late.Effect, late.Changed));
        AssertOptedOut(verdicts.Marketing(Alice, Start + (2 * Hour)));
    }

    [Fact]
    public void ChangesNothingGivenAStopOlderThanTheResumeHeld()
    {
        var verdicts = VerdictsOf.New();
        verdicts.Preference(Alice, stop: false, Start + Hour, Start + Hour);

        var lateStop = verdicts.Preference(Alice, stop: true, Start, Start + (2 * Hour));
        var late131050 = verdicts.Failed("wamid.1", Alice, MetaErrorCodes.MarketingStopped, Start + TimeSpan.FromMinutes(30), Start + (2 * Hour));

        Assert.Equal(VerdictEffect.Superseded, lateStop.Effect);
        Assert.Equal(VerdictEffect.Superseded, late131050.Effect);
        Assert.Null(verdicts.Marketing(Alice, Start + (2 * Hour)));
    }

    [Fact]
    public void AnswersDuplicateGivenTheSamePreferenceRedelivered()
    {
        var verdicts = VerdictsOf.New();
        verdicts.Preference(Alice, stop: true, Start, Start);

        var again = verdicts.Preference(Alice, stop: true, Start, Start + TimeSpan.FromDays(3));

        Assert.Equal((VerdictEffect.Duplicate, (CustomerVerdict?)null), (again.Effect, again.Changed));
    }

    [Fact]
    public void StopsAgainGivenAStopAfterTheResume()
    {
        var verdicts = VerdictsOf.New();
        verdicts.Preference(Alice, stop: true, Start, Start);
        verdicts.Preference(Alice, stop: false, Start + Hour, Start + Hour);

        var step = verdicts.Preference(Alice, stop: true, Start + (2 * Hour), Start + (2 * Hour));

        Assert.Equal(VerdictEffect.MarketingOptedOut, step.Effect);
        AssertOptedOut(verdicts.Marketing(Alice, Start + (3 * Hour)));
    }

    [Fact]
    public void ListsTheStopInForceSinceMetasInstant()
    {
        var verdicts = VerdictsOf.New();
        verdicts.Preference(Alice, stop: true, Start, Start + Hour);

        Assert.Equal([((CustomerIdentity)Alice, VerdictKind.MarketingStopped, Start, (DateTimeOffset?)null)], verdicts.InForce(Start + Hour));
    }

    private static void AssertOptedOut(SendDecision? decision)
    {
        Assert.NotNull(decision);
        Assert.Equal((false, DenyReason.MarketingOptedOut, (DateTimeOffset?)null), (decision.Allowed, decision.Reason, decision.RetryAt));
        Assert.False(string.IsNullOrEmpty(decision.Detail));
    }
}
