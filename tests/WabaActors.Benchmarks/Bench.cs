using System.Diagnostics;

namespace WabaActors.Benchmarks;

/// <summary>
/// Times a scenario in batches: one op is too short for the clock, so every batch of ops is timed
/// with <see cref="Stopwatch.GetTimestamp()"/> and divided by its size; percentiles are over those
/// per-batch averages. The scenario runs ops [first, first + count) itself, so no delegate sits in
/// the loop being timed.
/// </summary>
public static class Bench
{
    public delegate void Batch(long first, int count);

    /// <summary>Warm-up lasts at least this long, so that the JIT has tiered the loop up before it is timed.</summary>
    public static readonly TimeSpan MinWarmup = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs at least <paramref name="warmup"/> ops untimed (and for <see cref="MinWarmup"/>, up to 20 times
    /// as many ops), then <paramref name="ops"/> ops in batches of <paramref name="batch"/>;
    /// <paramref name="prepare"/>, when given, runs before each batch, untimed.
    /// </summary>
    public static Measurement Run(string name, Batch run, long warmup, long ops, int batch, Batch? prepare = null)
    {
        var next = 0L;
        var began = Stopwatch.GetTimestamp();
        for (; next < warmup || (Stopwatch.GetElapsedTime(began) < MinWarmup && next < 20 * warmup); next += batch)
        {
            prepare?.Invoke(next, batch);
            run(next, batch);
        }

        var perOp = new double[(int)(ops / batch)];
        var total = 0L;
        for (var i = 0; i < perOp.Length; i++, next += batch)
        {
            prepare?.Invoke(next, batch);
            var start = Stopwatch.GetTimestamp();
            run(next, batch);
            var elapsed = Stopwatch.GetTimestamp() - start;
            total += elapsed;
            perOp[i] = elapsed * 1e9 / Stopwatch.Frequency / batch;
        }

        Array.Sort(perOp);
        var seconds = (double)total / Stopwatch.Frequency;
        return new Measurement(name, perOp.Length * (double)batch / seconds, At(perOp, .50), At(perOp, .99), At(perOp, .999));
    }

    /// <summary>Managed heap growth per entry while <paramref name="build"/> makes <paramref name="entries"/> entries (kept alive).</summary>
    public static double BytesPerEntry(Func<object> build, int entries)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var built = build();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(built);
        return (double)(after - before) / entries;
    }

    private static double At(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
