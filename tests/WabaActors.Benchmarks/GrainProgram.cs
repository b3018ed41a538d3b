using System.Globalization;
using System.Text;

namespace WabaActors.Benchmarks;

/// <summary>
/// The <c>grains</c> mode: the permit path through real grains in a silo hosted in this process,
/// called through the co-hosted IGrainFactory (what the API's handlers do), against a trivial grain
/// call; windows 10 vs 1M on one number; heap per window and per grant held by number grains; and,
/// with <c>--pg</c>, the cold activation of a number with 100k windows, durable decisions end to
/// end on PostgreSQL, and the durable permits one number can make per second. Figures go to the console and, with <c>--out</c>, to a Markdown file whose
/// notes hold the set-up, the concurrency chosen and each target met or missed.
/// </summary>
public static class GrainProgram
{
    private static readonly int[] Concurrencies = [64, 128, 256, 512];
    private static readonly TimeSpan ProbeWarmup = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProbeDuration = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);
    private const int DurableWorkers = 512;
    private const int BatchSize = 8;
    private const int BatchCallers = 64;
    private const int HotWorkers = 64;
    private const int Rounds = 3;
    private static readonly TimeSpan RoundWarmup = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan RoundDuration = TimeSpan.FromSeconds(1.5);

    /// <summary>The scenario sets, in run order; <c>--only</c> takes a comma-separated subset.</summary>
    public static readonly string[] Sections = ["memory", "permits", "windows", "cold", "durable"];

    public static async Task<int> RunAsync(string? connectionString, string? outPath, string? only = null)
    {
        var run = only?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? Sections;
        if (run.Except(Sections).FirstOrDefault() is { } unknown)
        {
            Console.Error.WriteLine($"unknown scenario set '{unknown}'; known: {string.Join(", ", Sections)}");
            return 2;
        }

        var report = new Report("Grains: permits, windows, activation and durable decisions through a co-hosted silo",
            "Callers use the silo's own IGrainFactory (no network); each call timed alone; latency per call (ns).");
        var notes = new List<string>();
        void Note(string line)
        {
            notes.Add(line);
            Console.WriteLine("  " + line);
        }

        Console.WriteLine(Report.Environment);
        Note($"customers named by a BSUID: {Customers.BsuidPercent}% (WABA_BENCH_BSUID_PERCENT)");
        Note($"load average before: {LoadAverage()}");

        if (run.Contains("memory"))
        {
            // First, on a silo of its own whose store keeps nothing in process: a silo disposed earlier may
            // still be collectable only later, which would shrink the heap delta.
            var (windowBytes, grantBytes, retainedBytes) = await GrainMemory.MeasureAsync(Note);
            report.Memory($"number grains: 1M open windows on {GrainMemory.Numbers:N0} numbers", windowBytes);
            report.Memory($"number grains: 1M session grants kept on {GrainMemory.Numbers:N0} numbers", grantBytes);
            report.Memory("number grains: the same 1M session grants after the session replay horizon", retainedBytes);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        // Each set on a silo of its own, so that one's retained grants do not slow the next one's GCs.
        if (run.Contains("permits"))
        {
            await using var grains = await GrainScenarios.CreateAsync(Note, permits: true, windows: false);
            await PermitsAsync(report, grains, Note);
        }

        if (run.Contains("windows"))
        {
            await using var grains = await GrainScenarios.CreateAsync(Note, permits: false, windows: true);
            await WindowsAsync(report, grains, Note);
        }

        if (connectionString is not null && (run.Contains("cold") || run.Contains("durable")))
        {
            await using var pg = await PostgreSqlGrainScenarios.CreateAsync(connectionString);
            if (run.Contains("cold"))
            {
                await ColdAsync(report, pg, Note);
            }

            if (run.Contains("durable"))
            {
                await DurableAsync(report, pg, Note);
            }
        }
        else if (run.Contains("cold") || run.Contains("durable"))
        {
            Note("no --pg: the PostgreSQL scenarios (cold activation, durable decisions) were skipped");
        }

        Note($"load average after: {LoadAverage()}");
        if (outPath is not null)
        {
            report.WriteMarkdown(outPath);
            var md = new StringBuilder().AppendLine().AppendLine("Notes:").AppendLine();
            foreach (var line in notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
            }

            await File.AppendAllTextAsync(outPath, md.ToString());
        }

        return 0;
    }

    /// <summary>1. Session permits on 10k warm numbers at the best of a few concurrencies, against a trivial call.</summary>
    private static async Task PermitsAsync(Report report, GrainScenarios grains, Action<string> note)
    {
        var best = (Workers: 0, Ops: 0.0);
        var probes = new List<string>();
        foreach (var workers in Concurrencies)
        {
            var probe = await LoadAsync($"probe {workers}", grains.Permits(), workers, ProbeWarmup, ProbeDuration);
            Console.WriteLine($"  probe: {probe}");
            probes.Add(string.Create(CultureInfo.InvariantCulture, $"{workers}: {probe.OpsPerSecond:N0}"));
            if (probe.OpsPerSecond > best.Ops)
            {
                best = (workers, probe.OpsPerSecond);
            }
        }

        note($"permit concurrency: probes ({ProbeDuration.TotalSeconds:N0} s each, callers: ops/s) {string.Join(", ", probes)}; best {best.Workers} callers");
        var permit = report.Add(await LoadAsync($"permit session, 10k numbers, {best.Workers} callers", grains.Permits(), best.Workers, Warmup, Duration, note));
        var echo = report.Add(await LoadAsync($"trivial grain call, 10k grains, {best.Workers} callers", grains.EchoAsync, best.Workers, Warmup, Duration, note));
        report.Ratio("permit / trivial call", permit, echo);

        // What Orleans alone costs for the permit's call: the same arguments and reply, no decision.
        var noop = report.Add(await LoadAsync($"no-op call with the permit's signature, 10k grains, {best.Workers} callers", grains.EchoPermits(), best.Workers, Warmup, Duration, note));
        report.Ratio("permit / no-op call with its signature", permit, noop);

        note(string.Create(CultureInfo.InvariantCulture,
            $"mean latency (callers / throughput): permit {best.Workers / permit.OpsPerSecond * 1e3:N2} ms, trivial call {best.Workers / echo.OpsPerSecond * 1e3:N2} ms"));
        Target(note, "permit ≥ 300k ops/s, p99 ≤ 1 ms, one permit per call", permit.OpsPerSecond >= 300_000 && permit.P99 <= 1e6,
            $"{permit.OpsPerSecond:N0} ops/s, p99 {permit.P99 / 1e6:N2} ms; the trivial call reaches {echo.OpsPerSecond:N0} ops/s, a no-op call with the permit's signature {noop.OpsPerSecond:N0}");

        // The reference as the API's handlers get it, from the phone on every request.
        var reference = report.Add(await LoadAsync($"permit, reference per call (GrainReferences), {best.Workers} callers",
            grains.PermitsLookedUp(orleansLookup: false), best.Workers, Warmup, Duration, note));
        var getGrain = report.Add(await LoadAsync($"permit, reference per call (Orleans GetGrain<T>(string)), {best.Workers} callers",
            grains.PermitsLookedUp(orleansLookup: true), best.Workers, Warmup, Duration, note));
        report.Ratio("reference per call: GrainReferences / GetGrain<T>(string)", reference, getGrain);

        // The batch call: the same permits, BatchSize to a number per call; ops/s counts permits. Last,
        // because at ~500k grants/s the retained grants grow the heap by gigabytes, which would slow
        // whatever ran after it on this silo.
        var calls = await LoadAsync($"permit batches, {BatchSize} per call", grains.PermitBatches(BatchSize), BatchCallers, Warmup, Duration, note);
        var batched = report.Add(calls with
        {
            Name = $"permit session in batches of {BatchSize}, 10k numbers, {BatchCallers} callers (ops = permits; latency per call)",
            OpsPerSecond = calls.OpsPerSecond * BatchSize,
        });
        Target(note, $"permit ≥ 300k ops/s, p99 ≤ 1 ms, batches of {BatchSize}", batched.OpsPerSecond >= 300_000 && batched.P99 <= 1e6,
            $"{batched.OpsPerSecond:N0} permits/s, p99 {batched.P99 / 1e6:N2} ms per call of {BatchSize}");
    }

    /// <summary>
    /// 2. One number with 10 windows against one with 1M: a permit and a window read, one caller then a
    /// few. The two sides alternate in <see cref="Rounds"/> short rounds and each figure is the median
    /// over the rounds, so a burst of noise from the shared machine lands on both sides or on neither.
    /// </summary>
    private static async Task WindowsAsync(Report report, GrainScenarios grains, Action<string> note)
    {
        foreach (var workers in new[] { 1, 8 })
        {
            var callers = workers == 1 ? "1 caller" : $"{workers} callers";
            await CompareAsync(report, note, $"permit, {{0}} windows, {callers}", $"permit 1M / 10 windows, {callers}", workers,
                grains.WindowPermits(GrainScenarios.Small, GrainScenarios.SmallWindows), grains.WindowPermits(GrainScenarios.Large, GrainScenarios.LargeWindows));
            await CompareAsync(report, note, $"get window, {{0}} windows, {callers}", $"get window 1M / 10 windows, {callers}", workers,
                grains.WindowReads(GrainScenarios.Small, GrainScenarios.SmallWindows), grains.WindowReads(GrainScenarios.Large, GrainScenarios.LargeWindows));
        }
    }

    private static async Task CompareAsync(Report report, Action<string> note, string name, string ratio, int workers, Func<long, Task> small, Func<long, Task> large)
    {
        var smalls = new List<Measurement>();
        var larges = new List<Measurement>();
        for (var round = 0; round < Rounds; round++)
        {
            smalls.Add(await LoadAsync(string.Format(CultureInfo.InvariantCulture, name, "10"), small, workers, RoundWarmup, RoundDuration));
            larges.Add(await LoadAsync(string.Format(CultureInfo.InvariantCulture, name, "1M"), large, workers, RoundWarmup, RoundDuration));
        }

        var s = report.Add(MedianOf($"{string.Format(CultureInfo.InvariantCulture, name, "10")} (median of {Rounds})", smalls));
        var l = report.Add(MedianOf($"{string.Format(CultureInfo.InvariantCulture, name, "1M")} (median of {Rounds})", larges));
        report.Ratio(ratio, l, s);
        Target(note, $"{ratio}: p50 and p99 ×≤ 1.25", l.P50 / s.P50 <= 1.25 && l.P99 / s.P99 <= 1.25,
            $"p50 ×{l.P50 / s.P50:0.00}, p99 ×{l.P99 / s.P99:0.00}; per round p50 ×{string.Join(" ×", larges.Zip(smalls, (x, y) => (x.P50 / y.P50).ToString("0.00", CultureInfo.InvariantCulture)))}");
    }

    private static Measurement MedianOf(string name, List<Measurement> runs) =>
        new(name, Median([.. runs.Select(r => r.OpsPerSecond)]), Median([.. runs.Select(r => r.P50)]), Median([.. runs.Select(r => r.P99)]), Median([.. runs.Select(r => r.P999)]))
        {
            Errors = runs.Sum(r => r.Errors),
        };

    /// <summary>3. Cold activation of a number with 100k live windows, and the store's load alone.</summary>
    private static async Task ColdAsync(Report report, PostgreSqlGrainScenarios pg, Action<string> note)
    {
        var (activations, loads) = await pg.ColdActivationAsync(note);
        note($"cold activations (ms, in order): {string.Join(", ", activations.Select(a => a.ToString("N1", CultureInfo.InvariantCulture)))}");
        note($"LoadNumberAsync alone (ms, in order): {string.Join(", ", loads.Select(a => a.ToString("N1", CultureInfo.InvariantCulture)))}");
        var cold = report.Add(Samples($"cold activation, 100k windows, PG (p99 = max of {activations.Length})", activations));
        report.Add(Samples($"LoadNumberAsync, 100k windows, PG (p99 = max of {loads.Length})", loads));
        Target(note, "cold activation with 100k windows ≤ 250 ms", cold.P99 <= 250e6,
            $"p50 {cold.P50 / 1e6:N1} ms, max {cold.P99 / 1e6:N1} ms; LoadNumberAsync alone p50 {Median(loads):N1} ms");
    }

    /// <summary>4. Durable decisions end to end: window opens and template permits, each acknowledged once committed.</summary>
    private static async Task DurableAsync(Report report, PostgreSqlGrainScenarios pg, Action<string> note)
    {
        await pg.PrepareDecisionsAsync(note);
        var (batches, changes) = pg.GroupCommits;
        // 5 s of warm-up: on two cores the tiered JIT is still compiling the write path after 3 s.
        var durable = report.Add(await LoadAsync($"inbound + template permit, PG, {DurableWorkers} callers", pg.Decisions(), DurableWorkers,
            TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), note));
        var (batchesAfter, changesAfter) = pg.GroupCommits;
        note(string.Create(CultureInfo.InvariantCulture,
            $"durable decisions: {durable.OpsPerSecond:N0} ops/s, p99 {durable.P99 / 1e6:N1} ms; mean group-commit batch {(double)(changesAfter - changes) / Math.Max(1, batchesAfter - batches):N1} changes ({batchesAfter - batches:N0} batches, warm-up included)"));

        // The production mix (issue 19): inbound + permits, half of them session permits.
        var mixedOp = await pg.MixedAsync();
        var rowsBefore = await pg.NumberGrantRowsAsync();
        var mixed = report.Add(await LoadAsync($"mixed: inbound + permits (1/2 session), PG, {DurableWorkers} callers", mixedOp, DurableWorkers,
            TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), note));
        var rows = await pg.NumberGrantRowsAsync() - rowsBefore;
        var (sessions, templates) = pg.MixedSent;
        note(string.Create(CultureInfo.InvariantCulture,
            $"mixed load: {mixed.OpsPerSecond:N0} decisions/s, p99 {mixed.P99 / 1e6:N1} ms; number grant rows written {rows:N0} for {sessions:N0} session and {templates:N0} template permits (warm-up included): {(double)(rows - templates) / Math.Max(1, sessions):N2} rows per session permit"));

        // One number's ceiling: its decisions are made one at a time, and each answer waits for its commit.
        var hot = report.Add(await LoadAsync($"session permit, one number, PG, {HotWorkers} callers", await pg.HotNumberAsync(), HotWorkers,
            TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), note));
        note(string.Create(CultureInfo.InvariantCulture,
            $"one number on PostgreSQL: {hot.OpsPerSecond:N0} durable permits/s at {HotWorkers} callers, mean latency {HotWorkers / hot.OpsPerSecond * 1e3:N2} ms"));
    }

    /// <summary>
    /// <see cref="LoadBench.RunAsync"/>, and what the GC did meanwhile (warm-up included): a pause
    /// stops every caller at once, so it shows in the throughput far more than in the percentiles.
    /// </summary>
    private static async Task<Measurement> LoadAsync(string name, Func<long, Task> op, int workers, TimeSpan warmup, TimeSpan duration, Action<string>? note = null)
    {
        var gc = GcWatch.Start();
        var m = await LoadBench.RunAsync(name, op, workers, warmup, duration);
        var summary = gc.Summary(m.Started);
        if (note is null)
        {
            Console.WriteLine($"  {summary}");
        }
        else
        {
            note($"{name}: {summary}");
        }

        return m;
    }

    /// <summary>The machine's 1/5/15-minute load averages (the runs share two cores with whatever else runs).</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Target(Action<string> note, string target, bool met, string figures) =>
        note($"target {target}: {(met ? "met" : "MISSED")} ({figures})");

    /// <summary>A few timed samples (ms) as a measurement: ops/s from the mean, p50, and the max in p99 and p999.</summary>
    private static Measurement Samples(string name, double[] milliseconds) =>
        new(name, 1_000 / milliseconds.Average(), Median(milliseconds) * 1e6, milliseconds.Max() * 1e6, milliseconds.Max() * 1e6);

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
