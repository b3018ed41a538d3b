using WabaActors.Domain.Messaging;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

/// <summary>Ids replayed from storage on activation: remembered as live, and forgotten at the same instant.</summary>
public class InboundLedgerApply
{
    private const string Rule = "inbound-message-id";
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    [Trait("Rule", Rule)]
    public void RemembersAndForgetsLikeTheLiveLedgerGivenItsIdsReplayed()
    {
        var (live, windows) = InboundLedgers.WithWindows();
        var ids = new List<InboundId>
        {
            live.Record(windows, Message("wamid.window"), Alice, Start - Hour, Start).Value!.Value.Id,
            live.Record(windows, Message("wamid.alone"), Bob, Start - Day - Hour, Start + Hour).Value!.Value.Id,
        };
        var fresh = InboundLedgers.New();

        ids.ForEach(fresh.Apply);

        var both = new[] { "wamid.window", "wamid.alone" };
        foreach (var (at, expected) in new[]
                 {
                     (Start + Hour, both), (Start + Day - Tick, both), (Start + Day, ["wamid.alone"]), (Start + Day + Hour, Array.Empty<string>()),
                 })
        {
            Assert.Equal(expected, Remembered(live, at));
            Assert.Equal(expected, Remembered(fresh, at));
        }
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void RemembersAnIdReadBackFromItsWindowChangeAWindowAfterThatWindowsEnd()
    {
        var (live, windows) = InboundLedgers.WithWindows();
        var change = live.Record(windows, Message("wamid.window"), Alice, Start - Hour, Start).Value!.Value.Window!.Value;
        var reloaded = InboundLedgers.New();

        reloaded.Apply(InboundId.CarriedBy(change)!.Value);

        // Live: a window after it was recorded. Read back: a window after its window's end — longer, never shorter.
        var end = Start - Hour + Day;
        Assert.False(live.Remembers(InboundLedger.Digest(Message("wamid.window")), Start + Day));
        Assert.True(reloaded.Remembers(InboundLedger.Digest(Message("wamid.window")), end + Day - Tick));
        Assert.False(reloaded.Remembers(InboundLedger.Digest(Message("wamid.window")), end + Day));
        Assert.Null(InboundId.CarriedBy(windows.Close(Alice, Start, Start)!.Value));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void KeepsTheLaterRetentionGivenTheSameDigestTwice()
    {
        var ledger = InboundLedgers.New();
        var digest = InboundLedger.Digest(Message("wamid.1"));

        ledger.Apply(new InboundId(digest, (Start + Hour).UtcTicks));
        ledger.Apply(new InboundId(digest, Start.UtcTicks));

        Assert.True(ledger.Remembers(digest, Start + Day + Hour - Tick));
        Assert.False(ledger.Remembers(digest, Start + Day + Hour));
        Assert.Equal(0, ledger.Count);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void DropsEachIdOnceDueGivenRetentionsOutOfOrder()
    {
        var ledger = InboundLedgers.New();
        var (late, early) = (InboundLedger.Digest(Message("wamid.late")), InboundLedger.Digest(Message("wamid.early")));
        ledger.Apply(new InboundId(late, (Start + Day).UtcTicks));
        ledger.Apply(new InboundId(early, Start.UtcTicks));

        // The early id waits behind the late one in the FIFO, but is forgotten on time.
        Assert.False(ledger.Remembers(early, Start + Day));
        Assert.True(ledger.Remembers(late, Start + Day));
        Assert.Equal(2, ledger.Count);

        ledger.Prune(Start + Day + Day);
        Assert.Equal(0, ledger.Count);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void IgnoresARowWithNoDigest()
    {
        var ledger = InboundLedgers.New();

        ledger.Apply(new InboundId(0, Start.UtcTicks));

        Assert.Equal(0, ledger.Count);
    }

    private static List<string> Remembered(InboundLedger ledger, DateTimeOffset at) =>
        [.. new[] { "wamid.window", "wamid.alone" }.Where(id => ledger.Remembers(InboundLedger.Digest(Message(id)), at))];
}
