using System.Globalization;

namespace WabaActors.Benchmarks;

/// <summary>One scenario's figures: throughput and per-op latency percentiles (ns), or a memory figure.</summary>
public sealed record Measurement(string Name, double OpsPerSecond, double P50, double P99, double P999)
{
    /// <summary>Operations that failed during a load run (not counted in the throughput).</summary>
    public long Errors { get; init; }

    /// <summary>Op indices handed out during the run, warm-up included (an upper bound on the ops started).</summary>
    public long Started { get; init; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-34} {OpsPerSecond,14:N0} ops/s  p50 {P50,9:N1} ns  p99 {P99,9:N1} ns  p999 {P999,11:N1} ns  errors {Errors}");
}
