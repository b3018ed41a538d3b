using System.Globalization;

namespace WabaActors.Benchmarks;

/// <summary>The <c>durable</c> mode: the three ways of writing a decision, in one run, on one database.</summary>
public static class DurableProgram
{
    public const int Workers = 512;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string connectionString, string? outPath)
    {
        var report = new Report("Durable decisions on PostgreSQL (fsync on)",
            $"{Workers} concurrent callers; each op is one change acknowledged after its commit; latency per op (ns).");
        Console.WriteLine(Report.Environment);
        await using var scenarios = await DurableScenarios.CreateAsync(connectionString);

        var before = await scenarios.StorageAsync();
        var ours = report.Add(await LoadBench.RunAsync("group commit (ours)", scenarios.GroupCommitAsync, Workers, Warmup, Duration));
        var (batches, changes) = scenarios.GroupCommits;
        var after = await scenarios.StorageAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  mean group-commit batch: {(double)changes / Math.Max(1, batches):N1} changes; {(double)(after.WalBytes - before.WalBytes) / Math.Max(1, changes):N0} WAL bytes per change; "
            + $"{(double)after.TableBytes / Math.Max(1, after.Rows):N0} table+index bytes per row ({after.Rows - before.Rows:N0} rows)"));
        var single = report.Add(await LoadBench.RunAsync("one commit per change", scenarios.OneCommitPerChangeAsync, Workers, Warmup, Duration));
        var whole = report.Add(await LoadBench.RunAsync($"whole state rewrite ({DurableScenarios.WindowsPerNumber} windows)", scenarios.WholeStateAsync, Workers, Warmup, Duration));
        report.Ratio("group commit / one commit per change", ours, single);
        report.Ratio("group commit / whole state rewrite", ours, whole);
        if (outPath is not null)
        {
            report.WriteMarkdown(outPath);
        }

        return 0;
    }
}
