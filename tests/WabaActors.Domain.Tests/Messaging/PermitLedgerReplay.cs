using WabaActors.Domain.Common;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class PermitLedgerReplay
{
    private const string Rule = "idempotency";
    private static readonly SendDecision Granted = SendDecision.Allow(Start + Day, new RecipientUsage(3, 50, null));

    [Fact]
    [Trait("Rule", Rule)]
    public void ReturnsNullGivenUnknownMessageId()
    {
        var ledger = Ledgers.New();

        var replay = ledger.Replay(Message("m1"), Alice, MessageType.Template, Start);

        Assert.True(replay.IsSuccess);
        Assert.Null(replay.Value);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ReturnsOriginalDecisionGivenSameCustomerAndType()
    {
        var clock = Clock.New();
        var ledger = Ledgers.New();
        ledger.Record(Message("m1"), Alice, MessageType.Template, Granted, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(3));

        var replay = ledger.Replay(Message("m1"), Alice, MessageType.Template, clock.GetUtcNow());

        Assert.Equal(Granted, replay.Value);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData(2, MessageType.Template)]
    [InlineData(1, MessageType.Session)]
    public void RefusesMessageIdReusedGivenOtherCustomerOrType(int customer, MessageType type)
    {
        var ledger = Ledgers.New();
        ledger.Record(Message("m1"), Of(1), MessageType.Template, Granted, Start);

        var replay = ledger.Replay(Message("m1"), Of(customer), type, Start);

        Assert.Equal(ErrorCodes.MessageIdReused, replay.Error?.Code);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void KeepsGrant24hThenForgetsIt()
    {
        var clock = Clock.New();
        var ledger = Ledgers.New();
        ledger.Record(Message("m1"), Alice, MessageType.Session, SendDecision.Allow(Start + Day), clock.GetUtcNow());

        clock.Advance(Day - Tick);
        var kept = ledger.Replay(Message("m1"), Alice, MessageType.Session, clock.GetUtcNow());
        clock.Advance(Tick);
        var forgotten = ledger.Replay(Message("m1"), Alice, MessageType.Session, clock.GetUtcNow());

        Assert.NotNull(kept.Value);
        Assert.Null(forgotten.Value);
        Assert.Equal(0, ledger.Count);
    }
}
