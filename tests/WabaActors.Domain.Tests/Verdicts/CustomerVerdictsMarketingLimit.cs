using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Templates;
using WabaActors.Domain.Verdicts;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Verdicts;

/// <summary>131049, Meta's per-user marketing limit: marketing templates outside the window wait 24 h after the failure.</summary>
public class CustomerVerdictsMarketingLimit
{
    [Fact]
    public void HoldsMarketingOutsideTheWindowExactly24hAfterMetasFailure()
    {
        var verdicts = VerdictsOf.New();
        var at = Start;

        var step = verdicts.Failed("wamid.1", Alice, MetaErrorCodes.MarketingLimit, at, at + TimeSpan.FromMinutes(2));

        Assert.Equal((VerdictEffect.MarketingLimited, (DateTimeOffset?)(at + Day)), (step.Effect, step.Until));
        Assert.Equal(new CustomerVerdict(Alice, VerdictKind.MarketingLimited, at.UtcTicks, CustomerVerdicts.OutcomeDigest(Message("wamid.1"), SendStatus.Failed)), step.Changed);
        var denied = verdicts.Marketing(Alice, at + Day - Tick);
        Assert.Equal((false, DenyReason.MarketingLimitPerUser, (DateTimeOffset?)(at + Day)), (denied!.Allowed, denied.Reason, denied.RetryAt));
        Assert.False(string.IsNullOrEmpty(denied.Detail));
        Assert.Null(verdicts.Marketing(Alice, at + Day));
    }

    [Fact]
    public void LetsMarketingGoInsideAnOpenWindowGivenAHold()
    {
        var verdicts = VerdictsOf.New();
        verdicts.Failed("wamid.1", Alice, MetaErrorCodes.MarketingLimit, Start);

        Assert.Null(verdicts.Marketing(Alice, Start + TimeSpan.FromHours(1), windowOpen: true));
    }

    [Theory]
    [InlineData(TemplateCategory.Utility)]
    [InlineData(TemplateCategory.Authentication)]
    [InlineData(null)]
    public void HoldsNothingButMarketingGivenAHold(TemplateCategory? category)
    {
        var verdicts = VerdictsOf.New();
        verdicts.Failed("wamid.1", Alice, MetaErrorCodes.MarketingLimit, Start);
        verdicts.Failed("wamid.2", Alice, MetaErrorCodes.MarketingStopped, Start);

        Assert.Null(verdicts.Check(Alice, [], category, false, Start + TimeSpan.FromHours(1)));
    }

    [Fact]
    public void HoldsOnlyTheCustomerMetaFailed()
    {
        var verdicts = VerdictsOf.New();
        verdicts.Failed("wamid.1", Alice, MetaErrorCodes.MarketingLimit, Start);

        Assert.Null(verdicts.Marketing(Bob, Start));
        Assert.NotNull(verdicts.Marketing(Alice, Start));
    }

    [Fact]
    public void HoldsThePersonGivenTheFailureUnderAnotherOfItsIds()
    {
        var verdicts = VerdictsOf.New();
        verdicts.Failed("wamid.1", AliceBsuid, MetaErrorCodes.MarketingLimit, Start);

        var denied = verdicts.Check(Alice, [AliceBsuid], TemplateCategory.Marketing, false, Start + TimeSpan.FromHours(1));

        Assert.Equal((DenyReason.MarketingLimitPerUser, (DateTimeOffset?)(Start + Day)), (denied?.Reason, denied?.RetryAt));
        Assert.Null(verdicts.Check(Alice, [], TemplateCategory.Marketing, false, Start + TimeSpan.FromHours(1)));
    }

    [Fact]
    public void AnswersDuplicateAndChangesNothingGivenTheSameStatusTwice()
    {
        var verdicts = VerdictsOf.New();
        verdicts.Failed("wamid.1", Alice, MetaErrorCodes.MarketingLimit, Start);

        var again = verdicts.Failed("wamid.1", Alice, MetaErrorCodes.MarketingLimit, Start + TimeSpan.FromHours(5), Start + TimeSpan.FromHours(5));

        Assert.Equal((VerdictEffect.Duplicate, (CustomerVerdict?)null), (again.Effect, again.Changed));
        Assert.Equal(Start + Day, verdicts.Marketing(Alice, Start + TimeSpan.FromHours(6))?.RetryAt);
    }

    [Fact]
    public void ExtendsTheHoldGivenALaterFailureOfAnotherSend()
    {
        var verdicts = VerdictsOf.New();
        verdicts.Failed("wamid.1", Alice, MetaErrorCodes.MarketingLimit, Start);
        var later = Start + TimeSpan.FromHours(5);

        var step = verdicts.Failed("wamid.2", Alice, MetaErrorCodes.MarketingLimit, later);

        Assert.Equal((VerdictEffect.MarketingLimited, (DateTimeOffset?)(later + Day)), (step.Effect, step.Until));
        Assert.Equal(later + Day, verdicts.Marketing(Alice, Start + Day)?.RetryAt);
    }

    [Fact]
    public void HoldsNothingGivenAFailureLearnedAfterItsHoldEnded()
    {
        var verdicts = VerdictsOf.New();

        var step = verdicts.Failed("wamid.1", Alice, MetaErrorCodes.MarketingLimit, Start, Start + Day);

        Assert.Null(step.Changed);
        Assert.Null(verdicts.Marketing(Alice, Start + Day));
        Assert.Equal(0, verdicts.Count);
    }

    [Fact]
    public void AnswersWindowClosedGiven131047()
    {
        var verdicts = VerdictsOf.New();

        var step = verdicts.Failed("wamid.1", Alice, MetaErrorCodes.WindowClosed, Start);

        Assert.Equal((VerdictEffect.WindowClosed, (CustomerVerdict?)null), (step.Effect, step.Changed));
        Assert.Null(verdicts.Marketing(Alice, Start));
    }

    [Theory]
    [InlineData(SendStatus.Delivered, null)]
    [InlineData(SendStatus.Read, null)]
    [InlineData(SendStatus.Sent, MetaErrorCodes.MarketingLimit)]
    [InlineData(SendStatus.Failed, 131026)]
    [InlineData(SendStatus.Failed, null)]
    public void LearnsNothingGivenAnyOtherStatus(SendStatus status, int? code)
    {
        var verdicts = VerdictsOf.New();

        var step = verdicts.Outcome(Message("wamid.1"), Alice, status, code, Start, Start);

        Assert.Equal((VerdictEffect.None, (CustomerVerdict?)null), (step.Effect, step.Changed));
        Assert.Equal(0, verdicts.Count);
    }

    [Fact]
    public void HoldsAndRecognisesTheRedeliveryGivenTheVerdictsReplayedFromStorage()
    {
        var verdicts = VerdictsOf.New();
        var persisted = verdicts.Failed("wamid.1", Alice, MetaErrorCodes.MarketingLimit, Start).Changed!;
        var now = Start + TimeSpan.FromHours(2);
        var reloaded = VerdictsOf.New();

        reloaded.Apply(persisted, now);

        Assert.Equal(Start + Day, reloaded.Marketing(Alice, now)?.RetryAt);
        Assert.Equal(VerdictEffect.Duplicate, reloaded.Failed("wamid.1", Alice, MetaErrorCodes.MarketingLimit, Start, now).Effect);
    }

    [Fact]
    public void ListsTheHoldInForceUntilItEnds()
    {
        var verdicts = VerdictsOf.New();
        verdicts.Failed("wamid.1", Alice, MetaErrorCodes.MarketingLimit, Start);

        Assert.Equal([((CustomerIdentity)Alice, VerdictKind.MarketingLimited, Start, (DateTimeOffset?)(Start + Day))], verdicts.InForce(Start + Day - Tick));
        Assert.Empty(verdicts.InForce(Start + Day));
    }
}
