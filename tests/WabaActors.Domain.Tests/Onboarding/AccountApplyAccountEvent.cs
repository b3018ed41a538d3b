using WabaActors.Domain.Events;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

/// <summary>account_update events that disconnect and reconnect the WABA; the holds a person reads.</summary>
public class AccountApplyAccountEvent
{
    private const string Rule = "meta-account-events";
    private static readonly DateTimeOffset Now = TestClock.Start;

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData("ACCOUNT_DELETED")]
    [InlineData("PARTNER_REMOVED")]
    [InlineData("PARTNER_APP_UNINSTALLED")]
    [InlineData("account_offboarded")]
    public void DisconnectsAndDeniesEverySendUnderBothProfiles(string e)
    {
        var account = TestAccounts.Live(Now).DecideCommerceReview(ReviewDecision.Approved, null, Now).Ok().State;

        var changed = account.ApplyAccountEvent(MetaAccountEvents.Parse(e)!.Value, null, Now.AddHours(1));

        Assert.Equal(AccountStatus.Disconnected, changed.State.Status);
        Assert.Equal([AccountEventTypes.AccountDisconnected], changed.Events.Types());
        foreach (var rules in new[] { WabaRules.Document, WabaRules.Meta })
        {
            Assert.Equal(DenyReason.AccountDisconnected, SendRules.CheckGate(changed.State.Gate(rules))!.Reason);
            Assert.Equal(new AccountHold(HoldReason.AccountDisconnected, Now.AddHours(1)), changed.State.Holds(rules, Now.AddHours(1))[0]);
        }
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MetaAccountEvent.AccountReconnected)]
    [InlineData(MetaAccountEvent.PartnerAdded)]
    [InlineData(MetaAccountEvent.PartnerAppInstalled)]
    public void ReconnectsGivenAnEventThatEndsTheDisconnection(MetaAccountEvent e)
    {
        var account = TestAccounts.Live(Now).ApplyAccountEvent(MetaAccountEvent.AccountOffboarded, null, Now).State;

        var changed = account.ApplyAccountEvent(e, null, Now.AddMinutes(5));

        Assert.Equal(AccountStatus.Live, changed.State.Status);
        Assert.Equal([AccountEventTypes.AccountReconnected], changed.Events.Types());
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RepeatsAndReconnectsOfAConnectedAccountChangeNothing()
    {
        var account = TestAccounts.Live(Now);
        Assert.Same(account, account.ApplyAccountEvent(MetaAccountEvent.PartnerAdded, null, Now).State);

        var gone = account.ApplyAccountEvent(MetaAccountEvent.AccountDeleted, null, Now).State;
        var again = gone.ApplyAccountEvent(MetaAccountEvent.PartnerRemoved, null, Now.AddMinutes(1));

        Assert.Same(gone, again.State);
        Assert.Empty(again.Events);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ViolationIsAHistoryEntryNotABlock()
    {
        var account = TestAccounts.Live(Now);

        var changed = account.ApplyAccountEvent(MetaAccountEvent.AccountViolation, "ADULT", Now);

        Assert.Same(account, changed.State);
        Assert.Equal("ADULT", Assert.Single(changed.Events).Value);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void HoldsListEveryActiveConditionWithSinceAndUntil()
    {
        var account = TestAccounts.Live(Now)
            .ApplyBanState("DISABLE", Now.AddHours(1)).Ok().State
            .ApplyRestrictions([new(MetaRestriction.BusinessInitiated, Now.AddDays(1))], Now.AddHours(2)).Ok().State;

        Assert.Equal(
            [new AccountHold(HoldReason.MetaDisabled, Now.AddHours(1)), new AccountHold(HoldReason.RestrictedBusinessInitiated, Now.AddHours(2), Now.AddDays(1))],
            account.Holds(WabaRules.Document, Now.AddHours(3)));
        Assert.Equal([new AccountHold(HoldReason.MetaDisabled, Now.AddHours(1))], account.Holds(WabaRules.Document, Now.AddDays(2)));
        Assert.Equal([new AccountHold(HoldReason.AccountNotLive, Now)], TestAccounts.New(Now).Holds(WabaRules.Document, Now));
    }
}
