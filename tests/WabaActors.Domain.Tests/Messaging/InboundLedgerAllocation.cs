using System.Globalization;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;

namespace WabaActors.Domain.Tests.Messaging;

/// <summary>Inbound is a hot path: recording a message, new or repeated, allocates nothing once the sets have room.</summary>
public class InboundLedgerAllocation
{
    [Fact]
    public void AllocatesNothingGivenNewAndRepeatedIdsOnWarmSets()
    {
        var (ledger, windows) = InboundLedgers.WithWindows();
        var ids = Enumerable.Range(0, 12_000).Select(i => Customers.Message("wamid." + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        var customers = Enumerable.Range(0, 64).Select(Customers.Of).ToArray();

        // Warm: the maps and FIFOs grow to hold what the measured loop adds, so it measures the steady state.
        for (var i = 0; i < 10_000; i++)
        {
            Record(i, Start + TimeSpan.FromSeconds(i));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 10_000; i < 12_000; i++)
        {
            Record(i, Start + TimeSpan.FromSeconds(i));          // new: extends a window, or (every third) too old (the id alone)
            Record(i - 5_000, Start + TimeSpan.FromSeconds(i));  // a repeat
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void Record(int i, DateTimeOffset now) =>
            Assert.True(ledger.Record(windows, ids[i], customers[i % customers.Length], i % 3 == 0 ? now - Day - Day : now - TimeSpan.FromSeconds(i % 7), now).IsSuccess);
    }
}
