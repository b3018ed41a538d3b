using System.Globalization;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Tests.MessagingSupport;
using Xunit.Abstractions;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;

namespace WabaActors.Domain.Tests.Messaging;

/// <summary>
/// Bytes held per remembered id (ADR 0017): the GC heap after a full collection, with the ledger held,
/// minus the heap before it was built, over the ids it holds; beside the two representations it was
/// chosen over. Alone in its collection, so that no other test allocates between the two readings.
/// Run with <c>--logger "console;verbosity=detailed"</c> to see the figures.
/// </summary>
[Collection(MemoryCollection.Name)]
public class InboundLedgerMemory(ITestOutputHelper output)
{
    // A real wamid is about 60 characters (it encodes the customer's number and a message id).
    private static string Wamid(int i) => "wamid.HBgLNDIwNzc3MDAwMTExFQIAEhggM0VCMDQ0QjA1RjE1" + i.ToString("D9", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public void HoldsAtMost80BytesPerIdGivenManyIds(int ids)
    {
        var perId = BytesPerId(ids, () =>
        {
            var ledger = InboundLedgers.New();
            for (var i = 0; i < ids; i++)
            {
                ledger.Apply(new InboundId(InboundLedger.Digest(Customers.Message(Wamid(i))), Start.UtcTicks + i));
            }

            return ledger;
        });

        output.WriteLine($"InboundLedger, {ids:N0} ids: {perId:N1} bytes per id");
        Assert.InRange(perId, 1, 80);
    }

    [Fact]
    public void HoldsLessThanTheAlternativesGiven100kIds()
    {
        const int Ids = 100_000;
        var ours = BytesPerId(Ids, () =>
        {
            var ledger = InboundLedgers.New();
            for (var i = 0; i < Ids; i++)
            {
                ledger.Apply(new InboundId(InboundLedger.Digest(Customers.Message(Wamid(i))), Start.UtcTicks + i));
            }

            return ledger;
        });

        // The ids themselves: a set for lookups, a FIFO for expiry.
        var strings = BytesPerId(Ids, () =>
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            var order = new Queue<(string Id, long Until)>();
            for (var i = 0; i < Ids; i++)
            {
                var id = Wamid(i);
                set.Add(id);
                order.Enqueue((id, Start.UtcTicks + i));
            }

            return (set, order);
        });

        // PermitLedger's shape: 128-bit keys in a Dictionary, a FIFO of (key, instant).
        var wide = BytesPerId(Ids, () =>
        {
            var map = new Dictionary<UInt128, long>();
            var order = new Queue<(UInt128 Key, long Until)>();
            for (var i = 0; i < Ids; i++)
            {
                var key = System.IO.Hashing.XxHash128.HashToUInt128(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Wamid(i).AsSpan()));
                map[key] = Start.UtcTicks + i;
                order.Enqueue((key, Start.UtcTicks + i));
            }

            return (map, order);
        });

        output.WriteLine($"{Ids:N0} ids, bytes per id: InboundLedger {ours:N1}, strings {strings:N1}, 128-bit Dictionary {wide:N1}");
        Assert.True(ours * 2 < wide && ours * 3 < strings, $"ours {ours:N1}, 128-bit {wide:N1}, strings {strings:N1}");
    }

    private static double BytesPerId(int ids, Func<object> build)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var held = build();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(held);
        return (after - before) / (double)ids;
    }
}
