using WabaActors.Domain.Common;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class SendDeskRequestReplay
{
    private const string Rule = "idempotency";

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(MessageType.Template, false)]
    [InlineData(MessageType.Template, true)]
    [InlineData(MessageType.Session, true)]
    public void ReplaysSameDecisionAndCountsOnceGivenSameMessageId(MessageType type, bool windowOpen)
    {
        var desk = new Desk();
        if (windowOpen)
        {
            desk.Inbound(Alice);
        }

        var first = desk.Decide("m1", Alice, type);
        var usage = desk.Usage;
        desk.Advance(TimeSpan.FromHours(2));
        var second = desk.Decide("m1", Alice, type);

        Decisions.Allowed(first);
        Assert.False(first.IsReplay);
        Assert.True(second.IsReplay);
        Decisions.SameAnswer(first.Decision, second.Decision);
        Assert.Null(second.Counted);
        Assert.Null(second.Granted);
        Assert.Equal(usage.Used, desk.Usage.Used);
        Assert.Equal(1, desk.Send.Ledger.Count);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ReplaysSameAnswerGivenGrantThatFilledTheLastSlot()
    {
        var desk = new Desk();
        desk.Account = desk.Account with { TemplateRecipientLimitOverride = 1 };

        var first = desk.Decide("m1", Alice, MessageType.Template);
        var second = desk.Decide("m1", Alice, MessageType.Template);

        Decisions.SameAnswer(first.Decision, second.Decision);
        Assert.Equal((1, 1), (second.Decision.TemplateRecipients?.Used, second.Decision.TemplateRecipients?.Limit));
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(2, MessageType.Template)]
    [InlineData(1, MessageType.Session)]
    public void RefusesMessageIdReusedGivenOtherCustomerOrType(int customer, MessageType type)
    {
        var desk = new Desk();
        desk.Inbound(Of(1));
        desk.Inbound(Of(2));
        desk.Decide("m1", Of(1), MessageType.Template);

        var result = desk.Request("m1", Of(customer), type);

        Assert.Equal(ErrorCodes.MessageIdReused, result.Error?.Code);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void DecidesDenialAfreshGivenSameIdLaterWhenASlotFrees()
    {
        var desk = new Desk();
        desk.Account = desk.Account with { TemplateRecipientLimitOverride = 1 };
        desk.Decide("m1", Alice, MessageType.Template);
        var denied = desk.Decide("m2", Bob, MessageType.Template);
        desk.Advance(Day);

        var granted = desk.Decide("m2", Bob, MessageType.Template);

        Decisions.Denied(denied, DenyReason.TemplateRecipientLimitReached, Start + Day);
        Decisions.Allowed(granted);
        Assert.False(granted.IsReplay);
        Assert.NotNull(granted.Counted);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void DecidesAfreshGivenDeniedIdRetriedForAnotherCustomer()
    {
        var desk = new Desk();
        Decisions.Denied(desk.Decide("m1", Alice, MessageType.Session), DenyReason.CustomerServiceWindowClosed);

        var result = desk.Request("m1", Bob, MessageType.Template);

        Assert.True(result.IsSuccess);
        Decisions.Allowed(result.Value);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ReplaysOriginalGrantGivenAccountBlockedSince()
    {
        var desk = new Desk();
        var first = desk.Decide("m1", Alice, MessageType.Template);
        desk.Advance(TimeSpan.FromHours(1));
        desk.Account = MessagingAccounts.Reviewed(desk.Account, ReviewDecision.Rejected, desk.Now);

        var replay = desk.Decide("m1", Alice, MessageType.Template);
        var fresh = desk.Decide("m2", Alice, MessageType.Template);

        Assert.True(replay.IsReplay);
        Decisions.SameAnswer(first.Decision, replay.Decision);
        Decisions.Denied(fresh, DenyReason.AccountBlocked);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void KeepsGrant24hThenDecidesAfresh()
    {
        var desk = new Desk();
        desk.Decide("m1", Alice, MessageType.Template);

        desk.Advance(Day - Tick);
        var kept = desk.Decide("m1", Alice, MessageType.Template);
        desk.Advance(Tick);
        var afresh = desk.Decide("m1", Alice, MessageType.Template);

        Assert.True(kept.IsReplay);
        Assert.False(afresh.IsReplay);
        Assert.Equal(new RecipientCounted(Alice.Value, desk.Now.UtcTicks), afresh.Counted);
        Assert.Equal(1, desk.Send.Ledger.Count);
        Assert.Equal(desk.Now.UtcTicks, afresh.Granted?.GrantedAtTicks);
    }
}
