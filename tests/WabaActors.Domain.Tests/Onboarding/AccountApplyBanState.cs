using WabaActors.Domain.Events;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

public class AccountApplyBanState
{
    private const string Rule = "meta-ban";

    [Fact]
    [Trait("Rule", Rule)]
    public void BlocksLiveAccountGivenDisable()
    {
        var now = TestClock.Start;

        var changed = TestAccounts.Live(now).ApplyBanState("DISABLE", now).Ok();

        Assert.True(changed.State.Disabled);
        Assert.Equal(AccountStatus.Blocked, changed.State.Status);
        Assert.Equal([AccountEventTypes.AccountDisabled, AccountEventTypes.AccountBlocked], changed.Events.Types());
        Assert.Equal(DenyReason.AccountBlocked, SendRules.CheckGate(changed.State.Gate(WabaRules.Document))!.Reason);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void UnblocksGivenReinstateAfterDisable()
    {
        var now = TestClock.Start;
        var disabled = TestAccounts.Live(now).ApplyBanState("DISABLE", now).Ok().State;

        var changed = disabled.ApplyBanState("REINSTATE", now.AddHours(1)).Ok();

        Assert.False(changed.State.Disabled);
        Assert.Equal(AccountStatus.Live, changed.State.Status);
        Assert.Equal([AccountEventTypes.AccountReinstated, AccountEventTypes.AccountUnblocked], changed.Events.Types());
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void StaysBlockedGivenReinstateOfAccountWhoseReviewWasRejected()
    {
        var now = TestClock.Start;
        var account = TestAccounts.Live(now).DecideCommerceReview(ReviewDecision.Rejected, null, now).Ok().State
            .ApplyBanState("DISABLE", now).Ok().State;

        var changed = account.ApplyBanState("REINSTATE", now).Ok();

        Assert.Equal(AccountStatus.Blocked, changed.State.Status);
        Assert.Equal([AccountEventTypes.AccountReinstated], changed.Events.Types());
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RecordsDisableBeforeLiveAndBlocksOnceLive()
    {
        var now = TestClock.Start;
        var onboarding = TestAccounts.WithNumbers(now, WabaRules.Document, TestAccounts.FirstPhone);

        var disabled = onboarding.ApplyBanState("disable", now).Ok();
        var live = disabled.State.NumberRegistered(TestAccounts.FirstPhone, WabaRules.Document, now).State;

        Assert.Equal([AccountEventTypes.AccountDisabled], disabled.Events.Types());
        Assert.Equal(AccountStatus.Onboarding, disabled.State.Status);
        Assert.Equal(AccountStatus.Blocked, live.Status);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RecordsAnEventOnlyGivenScheduleForDisable()
    {
        var now = TestClock.Start;
        var account = TestAccounts.Live(now);

        var changed = account.ApplyBanState("SCHEDULE_FOR_DISABLE", now).Ok();

        Assert.Same(account, changed.State);
        Assert.Equal(AccountEventTypes.BanScheduled, Assert.Single(changed.Events).Type);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData("DISABLE", true)]
    [InlineData("REINSTATE", false)]
    public void ChangesNothingGivenBanStateAlreadyInForce(string state, bool disabled)
    {
        var now = TestClock.Start;
        var account = TestAccounts.Live(now) with { Disabled = disabled };

        var changed = account.ApplyBanState(state, now).Ok();

        Assert.Same(account, changed.State);
        Assert.Empty(changed.Events);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("BANNED")]
    public void RefusesUnknownBanState(string? state)
    {
        TestAccounts.Live(TestClock.Start).ApplyBanState(state, TestClock.Start).Invalid("waba_ban_state");
    }
}
