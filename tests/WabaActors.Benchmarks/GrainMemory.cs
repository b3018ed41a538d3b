using System.Globalization;
using System.Runtime;
using Microsoft.Extensions.DependencyInjection;
using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Rules;

namespace WabaActors.Benchmarks;

/// <summary>
/// Heap held by number grains: a silo whose store keeps nothing in process (as PostgreSQL), 1k
/// numbers already active, then 1M windows (1k per number) opened through RecordInboundAsync, then
/// 1M session grants (1k per number) kept by the numbers' ledgers for idempotent replay, then the
/// clock moved past the session replay horizon and one more permit per number (which prunes): what
/// the 1M session grants still retain. Each figure is the GC heap growth after a full collection,
/// divided by the entries added.
/// </summary>
public static class GrainMemory
{
    public const int Numbers = 1_000;
    public const int PerNumber = 1_000;
    private const int Callers = 64;

    public static async Task<(double WindowBytes, double GrantBytes, double RetainedBytes)> MeasureAsync(Action<string> log)
    {
        var clock = new MovableClock();
        await using var silo = await GrainSilo.StartInMemoryAsync(WabaRules.Document, s => s
            .AddSingleton<Grains.Storage.IMessagingStore, DiscardingMessagingStore>()
            .AddKeyedSingleton<TimeProvider>(Grains.Time.WabaClock.Key, clock));
        var accounts = await BenchAccounts.OnboardAsync(silo.Grains, "waba-memory", "4209", Numbers);
        var now = DateTimeOffset.UtcNow;

        // Activate the numbers' gates (first permit) so that neither figure includes one-off state.
        await ForEachNumberAsync(accounts, async n => BenchAccounts.Ok(await accounts.Numbers[n].RequestPermitAsync(accounts.Scopes[n],
            new PermitRequest(Customers.Text(0), MessageKind.Session, $"wamid.m.warm.{n}"))));

        var before = Heap();
        var took = System.Diagnostics.Stopwatch.StartNew();
        await ForEachNumberAsync(accounts, async n =>
        {
            for (var k = 0; k < PerNumber; k++)
            {
                var customer = Customers.Text(k);
                BenchAccounts.Ok(await accounts.Numbers[n].RecordInboundAsync(accounts.Scopes[n], new InboundMessage(customer, $"wamid.m.in.{n}.{k}", now)));
            }
        });
        var windows = Heap();
        log($"opened {Numbers * PerNumber:N0} windows on {Numbers:N0} numbers in {took.Elapsed.TotalSeconds:N1} s");

        took.Restart();
        await ForEachNumberAsync(accounts, async n =>
        {
            for (var k = 0; k < PerNumber; k++)
            {
                var request = new PermitRequest(Customers.Text(k), MessageKind.Session, string.Create(CultureInfo.InvariantCulture, $"wamid.{n}.{k}"));
                if (!BenchAccounts.Ok(await accounts.Numbers[n].RequestPermitAsync(accounts.Scopes[n], request)).Allowed)
                {
                    throw new InvalidOperationException("a permit inside an open window was denied");
                }
            }
        });
        var grants = Heap();
        log($"granted {Numbers * PerNumber:N0} session permits in {took.Elapsed.TotalSeconds:N1} s");

        // Past the horizon, one more session permit per number (a replay check prunes first).
        clock.Offset = WabaRules.Document.SessionReplayHorizon + TimeSpan.FromSeconds(1);
        await ForEachNumberAsync(accounts, async n => BenchAccounts.Ok(await accounts.Numbers[n].RequestPermitAsync(accounts.Scopes[n],
            new PermitRequest(Customers.Text(0), MessageKind.Session, $"wamid.m.after.{n}"))));
        var retained = Heap();
        log($"after the session replay horizon ({WabaRules.Document.SessionReplayHorizon.TotalMinutes:N0} min) and one permit per number: heap {(retained - windows) / 1e6:N1} MB above the windows");
        const double Entries = (double)Numbers * PerNumber;
        return ((windows - before) / Entries, (grants - windows) / Entries, (retained - windows) / Entries);
    }

    /// <summary>The system clock, moved forward on demand (to pass the replay horizon without waiting for it).</summary>
    private sealed class MovableClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }

    private static Task ForEachNumberAsync(BenchAccounts accounts, Func<int, Task> body) =>
        Parallel.ForEachAsync(Enumerable.Range(0, accounts.Count), new ParallelOptions { MaxDegreeOfParallelism = Callers }, async (n, _) => await body(n));

    /// <summary>Live heap after a full, compacting collection (so that freed space from resized arrays is not counted).</summary>
    private static long Heap()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
