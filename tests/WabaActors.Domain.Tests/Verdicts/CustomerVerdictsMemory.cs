using WabaActors.Domain.Identity;
using WabaActors.Domain.Tests.MessagingSupport;
using WabaActors.Domain.Verdicts;
using Xunit.Abstractions;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Verdicts;

/// <summary>
/// Bytes held per customer with a verdict (a 131049 hold: the entry, its expiry, and the remembered
/// (message id, status)): the heap after a full collection with 100,000 held, minus the heap before.
/// Verdicts are rare beside windows, so the bound is loose; it catches an object per verdict or a leak.
/// Run with <c>--logger "console;verbosity=detailed"</c> to see the figure.
/// </summary>
[Collection(MemoryCollection.Name)]
public class CustomerVerdictsMemory(ITestOutputHelper output)
{
    private const int Entries = 100_000;

    [Fact]
    public void HoldsAVerdictInAtMost160BytesGivenAHundredThousandCustomers()
    {
        var customers = Enumerable.Range(0, Entries).Select(i => (CustomerIdentity)Of(i)).ToArray();
        var ids = Enumerable.Range(0, Entries).Select(i => Message($"wamid.{i}")).ToArray();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var verdicts = VerdictsOf.New();
        for (var i = 0; i < Entries; i++)
        {
            verdicts.Outcome(ids[i], customers[i], SendStatus.Failed, MetaErrorCodes.MarketingLimit, Start, Start);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perVerdict = (after - before) / (double)Entries;
        GC.KeepAlive(verdicts);

        output.WriteLine($"CustomerVerdicts, {Entries:N0} holds: {perVerdict:N1} bytes per verdict");
        Assert.Equal(Entries, verdicts.Count);
        Assert.InRange(perVerdict, 1, 160); // measured: 110.3 B (a 64 B dictionary entry, 24 B of heap, the remembered status)
    }
}
