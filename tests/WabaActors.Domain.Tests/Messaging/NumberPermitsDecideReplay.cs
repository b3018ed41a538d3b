using WabaActors.Domain.Identity;
using WabaActors.Domain.Common;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class NumberPermitsDecideReplay
{
    private const string Rule = "idempotency";

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MessageType.Template, false)]
    [InlineData(MessageType.Template, true)]
    [InlineData(MessageType.Session, true)]
    public void ReplaysSameDecisionAndCountsOnceGivenSameMessageId(MessageType type, bool windowOpen)
    {
        var number = new NumberAndQuota();
        if (windowOpen)
        {
            number.Inbound(Alice);
        }

        var first = number.Decide("m1", Alice, type);
        var usage = number.Usage;
        number.Advance(type == MessageType.Session ? TimeSpan.FromMinutes(9) : TimeSpan.FromHours(2));
        var second = number.Decide("m1", Alice, type);

        Decisions.Allowed(first);
        Assert.False(first.IsReplay);
        Assert.True(second.IsReplay);
        Decisions.SameAnswer(first.Decision, second.Decision);
        Assert.False(second.AskedQuota);
        Assert.Null(second.Granted);
        Assert.Equal(usage.Used, number.Usage.Used);
        Assert.Equal(1, number.Permits.Ledger.Count);
        Assert.Equal(type == MessageType.Session ? 0 : 1, number.NumberGrants.Count);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ReplaysSameAnswerGivenGrantThatFilledTheLastSlot()
    {
        var number = new NumberAndQuota();
        number.Account = number.Account with { TemplateRecipientLimitOverride = 1 };

        var first = number.Decide("m1", Alice, MessageType.Template);
        var second = number.Decide("m1", Alice, MessageType.Template);

        Decisions.SameAnswer(first.Decision, second.Decision);
        Assert.Equal(new RecipientUsage(1, 1, null), second.Decision.TemplateRecipients);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(2, MessageType.Template)]
    [InlineData(1, MessageType.Session)]
    public void RefusesMessageIdReusedGivenOtherCustomerOrType(int customer, MessageType type)
    {
        var number = new NumberAndQuota();
        number.Inbound(Of(1));
        number.Inbound(Of(2));
        number.Decide("m1", Of(1), MessageType.Template);

        var answer = number.Request("m1", Of(customer), type);

        Assert.Equal(PermitStepKind.Refused, answer.Step.Kind);
        Assert.Equal(ErrorCodes.MessageIdReused, answer.Step.Error?.Code);
        Assert.Null(answer.Step.Decision);
        Assert.Null(answer.Granted);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void DecidesDenialAfreshGivenSameIdLaterWhenASlotFrees()
    {
        var number = new NumberAndQuota();
        number.Account = number.Account with { TemplateRecipientLimitOverride = 1 };
        number.Decide("m1", Alice, MessageType.Template);
        var denied = number.Decide("m2", Bob, MessageType.Template);
        number.Advance(Day);

        var granted = number.Decide("m2", Bob, MessageType.Template);

        Decisions.Denied(denied, DenyReason.TemplateRecipientLimitReached, Start + Day);
        Decisions.Allowed(granted);
        Assert.False(granted.IsReplay);
        Assert.Equal(GrantOutcome.Counted, granted.Quota?.Outcome);
        Assert.NotNull(granted.Counted);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void DecidesAfreshGivenDeniedIdRetriedForAnotherCustomer()
    {
        var number = new NumberAndQuota();
        Decisions.Denied(number.Decide("m1", Alice, MessageType.Session), DenyReason.CustomerServiceWindowClosed);

        var answer = number.Request("m1", Bob, MessageType.Template);

        Assert.Equal(PermitStepKind.Decided, answer.Step.Kind);
        Decisions.Allowed(answer);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ReplaysOriginalGrantGivenAccountBlockedSince()
    {
        var number = new NumberAndQuota();
        var first = number.Decide("m1", Alice, MessageType.Template);
        number.Advance(TimeSpan.FromHours(1));
        number.Account = MessagingAccounts.Reviewed(number.Account, ReviewDecision.Rejected, number.Now);

        var replay = number.Decide("m1", Alice, MessageType.Template);
        var fresh = number.Decide("m2", Alice, MessageType.Template);

        Assert.True(replay.IsReplay);
        Decisions.SameAnswer(first.Decision, replay.Decision);
        Decisions.Denied(fresh, DenyReason.AccountBlocked);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void KeepsGrant24hThenDecidesAfresh()
    {
        var number = new NumberAndQuota();
        number.Decide("m1", Alice, MessageType.Template);

        number.Advance(Day - Tick);
        var kept = number.Decide("m1", Alice, MessageType.Template);
        number.Advance(Tick);
        var afresh = number.Decide("m1", Alice, MessageType.Template);

        Assert.True(kept.IsReplay);
        Assert.False(afresh.IsReplay);
        Assert.Equal(GrantOutcome.Counted, afresh.Quota?.Outcome);
        Assert.Equal(((CustomerIdentity?)Alice, number.Now.UtcTicks), (afresh.Counted?.Customer, afresh.Counted?.GrantedAtTicks));
        Assert.Equal(1, number.Permits.Ledger.Count);
        Assert.Equal(number.Now.UtcTicks, afresh.Granted?.GrantedAtTicks);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ReplaysTheFirstNumbersGrantAndCountsOnceGivenSameIdFromAnotherNumber()
    {
        var first = new NumberAndQuota();
        var second = first.AnotherNumber();
        var original = first.Decide("m1", Alice, MessageType.Template);
        first.Decide("m2", Bob, MessageType.Template);

        var retried = second.Decide("m1", Alice, MessageType.Template);

        Decisions.Allowed(retried);
        Assert.Equal(GrantOutcome.Replayed, retried.Quota?.Outcome);
        Decisions.SameAnswer(original.Decision, retried.Decision);
        Assert.Equal(new RecipientUsage(1, 50, null), retried.Decision.TemplateRecipients);
        Assert.Null(retried.Counted);
        Assert.Equal(2, first.Usage.Used);
        Assert.Equal(2, first.QuotaGrants.Count);
        Assert.NotNull(retried.Granted);
        Assert.True(second.Decide("m1", Alice, MessageType.Template).IsReplay);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RefusesMessageIdReusedGivenIdCountedByAnotherNumberForAnotherCustomer()
    {
        var first = new NumberAndQuota();
        var second = first.AnotherNumber();
        first.Decide("m1", Alice, MessageType.Template);

        var answer = second.Request("m1", Bob, MessageType.Template);

        Assert.Equal(GrantOutcome.MessageIdReused, answer.Quota?.Outcome);
        Assert.Equal(PermitStepKind.Refused, answer.Step.Kind);
        Assert.Equal(ErrorCodes.MessageIdReused, answer.Step.Error?.Code);
        Assert.Null(answer.Granted);
        Assert.False(second.Quota.IsCounted(Bob, second.Now));
        Assert.Equal(0, second.Permits.Ledger.Count);
    }
}
