using WabaActors.Domain.Events;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

/// <summary>Meta's account_review_update: kept before go-live, last decision wins, PENDING/DEFERRED hold under Meta's rules.</summary>
public class AccountApplyMetaReview
{
    private const string Rule = "meta-review";
    private static readonly DateTimeOffset Now = TestClock.Start;

    public static TheoryData<string> Profiles => ["document", "meta"];

    private static WabaRules RulesOf(string profile) => profile == "meta" ? WabaRules.Meta : WabaRules.Document;

    private static Account GoLive(Account account, WabaRules rules, DateTimeOffset at) =>
        account.AddNumber(TestAccounts.FirstPhone, rules, at).Ok().State.NumberRegistered(TestAccounts.FirstPhone, rules, at).State;

    [Theory]
    [Trait("Rule", Rule)]
    [MemberData(nameof(Profiles))]
    public void RejectedBeforeGoLiveBlocksFromTheMomentTheAccountGoesLive(string profile)
    {
        var rules = RulesOf(profile);
        var received = TestAccounts.Step3Done(Now).ApplyMetaReview(MetaReviewDecision.Rejected, rules, Now);

        Assert.Equal([AccountEventTypes.CommerceReviewReceived], received.Events.Types());
        Assert.Equal(AccountStatus.Onboarding, received.State.Status);

        var live = received.State.AddNumber(TestAccounts.FirstPhone, rules, Now.AddHours(1)).Ok().State
            .NumberRegistered(TestAccounts.FirstPhone, rules, Now.AddHours(1));

        Assert.Equal(AccountStatus.Blocked, live.State.Status);
        Assert.Equal(ReviewStatus.Rejected, live.State.CommerceReview!.Status);
        Assert.Equal(
            [AccountEventTypes.AccountLive, AccountEventTypes.CommerceReviewRequested, AccountEventTypes.CommerceReviewDecided, AccountEventTypes.AccountBlocked],
            live.Events.Types());
        Assert.Equal(DenyReason.AccountBlocked, SendRules.CheckGate(live.State.Gate(rules))!.Reason);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [MemberData(nameof(Profiles))]
    public void ApprovedBeforeGoLiveIsDecidedAtGoLiveSoNoReminderWaits(string profile)
    {
        var rules = RulesOf(profile);
        var account = TestAccounts.Step3Done(Now).ApplyMetaReview(MetaReviewDecision.Approved, rules, Now).State;

        var live = GoLive(account, rules, Now.AddHours(1));

        Assert.Equal(ReviewStatus.Approved, live.CommerceReview!.Status);
        Assert.False(live.CommerceReview.IsOverdue(Now.AddDays(10)));
        Assert.Null(SendRules.CheckGate(live.Gate(rules)));
        Assert.Empty(live.Holds(rules, Now.AddHours(1)));
    }

    [Theory]
    [Trait("Rule", Rule)]
    [MemberData(nameof(Profiles))]
    public void LaterDecisionReplacesEarlierEvenWhenTheSameValueWasSeenBefore(string profile)
    {
        var rules = RulesOf(profile);
        var account = TestAccounts.Live(Now);

        account = account.ApplyMetaReview(MetaReviewDecision.Rejected, rules, Now).State;
        account = account.ApplyMetaReview(MetaReviewDecision.Approved, rules, Now.AddMinutes(1)).State;
        var third = account.ApplyMetaReview(MetaReviewDecision.Rejected, rules, Now.AddMinutes(2));

        Assert.Equal(AccountStatus.Blocked, third.State.Status);
        Assert.Equal(ChangeOutcome.Apply, Redelivery.Classify(account, third, seenBefore: true));
    }

    [Theory]
    [Trait("Rule", Rule)]
    [MemberData(nameof(Profiles))]
    public void SameDecisionAgainChangesNothing(string profile)
    {
        var rules = RulesOf(profile);
        var account = TestAccounts.Live(Now).ApplyMetaReview(MetaReviewDecision.Rejected, rules, Now).State;

        var again = account.ApplyMetaReview(MetaReviewDecision.Rejected, rules, Now.AddMinutes(1));

        Assert.Same(account, again.State);
        Assert.Empty(again.Events);
        Assert.Equal(ChangeOutcome.Duplicate, Redelivery.Classify(account, again, seenBefore: true));
        Assert.Equal(ChangeOutcome.Unchanged, Redelivery.Classify(account, again, seenBefore: false));
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MetaReviewDecision.Pending)]
    [InlineData(MetaReviewDecision.Deferred)]
    public void PendingOrDeferredHoldsEverySendUnderMetaRulesUntilApproved(MetaReviewDecision word)
    {
        var rules = WabaRules.Meta;
        var approved = TestAccounts.Live(Now).ApplyMetaReview(MetaReviewDecision.Approved, rules, Now).State;
        Assert.Null(SendRules.CheckGate(approved.Gate(rules)));

        var held = approved.ApplyMetaReview(word, rules, Now.AddHours(1));

        Assert.Equal(ReviewStatus.Pending, held.State.CommerceReview!.Status);
        Assert.Equal(Now.AddHours(1) + rules.CommerceReviewDue, held.State.CommerceReview.DueAt);
        Assert.Equal(DenyReason.AccountUnderReview, SendRules.CheckGate(held.State.Gate(rules))!.Reason);
        Assert.Equal([new AccountHold(HoldReason.AccountUnderReview, Now.AddHours(1))], held.State.Holds(rules, Now.AddHours(1)));

        var lifted = held.State.ApplyMetaReview(MetaReviewDecision.Approved, rules, Now.AddHours(2)).State;

        Assert.Null(SendRules.CheckGate(lifted.Gate(rules)));
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MetaReviewDecision.Pending)]
    [InlineData(MetaReviewDecision.Deferred)]
    public void PendingOrDeferredChangesNothingUnderDocumentRules(MetaReviewDecision word)
    {
        var account = TestAccounts.Live(Now).ApplyMetaReview(MetaReviewDecision.Approved, WabaRules.Document, Now).State;

        var changed = account.ApplyMetaReview(word, WabaRules.Document, Now.AddHours(1));

        Assert.Same(account, changed.State);
        Assert.Empty(changed.Events);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ServicesOwnHoldUnderMetaRulesSaysUnderReviewNotNotLive()
    {
        var account = TestAccounts.Live(Now);

        Assert.Equal(AccountStatus.Live, account.Status);
        Assert.Equal(DenyReason.AccountUnderReview, SendRules.CheckGate(account.Gate(WabaRules.Meta))!.Reason);
        Assert.Null(SendRules.CheckGate(account.Gate(WabaRules.Document)));
    }
}
