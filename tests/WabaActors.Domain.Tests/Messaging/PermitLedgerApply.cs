using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class PermitLedgerApply
{
    [Fact]
    [Trait("Rule", "idempotency")]
    public void KeepsLaterGrantGivenSameIdGrantedAgainAfterRetentionAndBothReplayed()
    {
        var regrantedAt = Start + Day + TimeSpan.FromHours(1);
        var first = PermitGranted.From("m1", new CustomerId(Alice.Value), MessageType.Session, SendDecision.Allow(Start + Day), Start);
        var second = PermitGranted.From("m1", new CustomerId(Alice.Value), MessageType.Session, SendDecision.Allow(regrantedAt + Day), regrantedAt);
        var ledger = Ledgers.New();

        // The persisted log still holds the expired first grant when the second is replayed.
        ledger.Apply(first);
        ledger.Apply(second);

        var replay = ledger.Replay(Message("m1"), Alice, MessageType.Session, regrantedAt + TimeSpan.FromHours(1));
        Assert.Equal(regrantedAt + Day, replay.Value?.WindowExpiresAt);
        Assert.Equal(1, ledger.Count);
    }

    [Fact]
    [Trait("Rule", "idempotency")]
    public void IgnoresSecondApplyOfSameGrant()
    {
        var grant = PermitGranted.From("m1", new CustomerId(Alice.Value), MessageType.Session, SendDecision.Allow(Start + Day), Start);
        var ledger = Ledgers.New();

        ledger.Apply(grant);
        ledger.Apply(grant);

        Assert.Equal(1, ledger.Count);
        ledger.Prune(Start + Day);
        Assert.Equal(0, ledger.Count);
    }

    [Fact]
    [Trait("Rule", "idempotency")]
    public void DropsEachGrantOnceItsRetentionEndsGivenGrantsMadeAtDifferentTimes()
    {
        var ledger = Ledgers.New();
        var hour = TimeSpan.FromHours(1);
        ledger.Record(Message("m1"), Alice, MessageType.Session, SendDecision.Allow(Start + Day), Start);
        ledger.Prune(Start + hour);
        ledger.Record(Message("m2"), Alice, MessageType.Session, SendDecision.Allow(Start + Day), Start + 2 * hour);

        ledger.Prune(Start + Day - TimeSpan.FromTicks(1));
        Assert.Equal(2, ledger.Count);
        ledger.Prune(Start + Day);
        Assert.Equal(1, ledger.Count);
        ledger.Prune(Start + Day + hour);
        Assert.Equal(1, ledger.Count);
        ledger.Prune(Start + Day + 2 * hour);
        Assert.Equal(0, ledger.Count);

        // Empty again: a grant made now is held for its own retention.
        ledger.Record(Message("m3"), Alice, MessageType.Session, SendDecision.Allow(Start + 2 * Day), Start + Day + 3 * hour);
        ledger.Prune(Start + 2 * Day + 2 * hour);
        Assert.Equal(1, ledger.Count);
        ledger.Prune(Start + 2 * Day + 3 * hour);
        Assert.Equal(0, ledger.Count);
    }
}
