using System.Diagnostics;

namespace WabaActors.Benchmarks;

/// <summary>
/// Concurrent async load: <c>workers</c> loops, each awaiting one operation at a time and timing it
/// with <see cref="Stopwatch.GetTimestamp()"/>; after a warm-up, latencies of the measured period are
/// merged into percentiles (ns) and the throughput is completed ops over that period.
/// <para>
/// Each op gets a distinct index (scenarios derive keys and message ids from it). A worker takes
/// indices from the shared counter <see cref="Block"/> at a time: one shared counter bumped per op
/// bounced its cache line between the two cores on every op, a cost of the load generator that the
/// measured figure then carried.
/// </para>
/// </summary>
public static class LoadBench
{
    /// <summary>Op indices a worker takes from the shared counter at once.</summary>
    public const int Block = 64;

    public static async Task<Measurement> RunAsync(string name, Func<long, Task> op, int workers, TimeSpan warmup, TimeSpan duration)
    {
        var next = -1L;
        var measuring = false;
        var stop = false;
        var latencies = new List<long>[workers];
        var errors = 0L;

        async Task Worker(int w)
        {
            // Small at first and grown as measured ops arrive (~16 B per op amortized): a fixed 512 KB per
            // worker put 256 MB on the large-object heap at 512 workers, and the gen-2 collections that
            // cleaned up after it paused the measured period of the next scenario.
            var mine = latencies[w] = new List<long>(1024);
            long index = 0, end = 0;
            while (!Volatile.Read(ref stop))
            {
                if (index == end)
                {
                    end = Interlocked.Add(ref next, Block) + 1;
                    index = end - Block;
                }

                var start = Stopwatch.GetTimestamp();
                try
                {
                    await op(index++);
                }
                catch (Exception) when (!Volatile.Read(ref stop))
                {
                    Interlocked.Increment(ref errors);
                }

                if (Volatile.Read(ref measuring))
                {
                    mine.Add(Stopwatch.GetTimestamp() - start);
                }
            }
        }

        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(() => Worker(w))).ToArray();
        await Task.Delay(warmup);
        Volatile.Write(ref measuring, true);
        var began = Stopwatch.GetTimestamp();
        await Task.Delay(duration);
        Volatile.Write(ref measuring, false);
        var seconds = Stopwatch.GetElapsedTime(began).TotalSeconds;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(tasks);

        var all = latencies.SelectMany(l => l).Select(t => t * 1e9 / Stopwatch.Frequency).ToArray();
        Array.Sort(all);
        return new Measurement(name, all.Length / seconds, At(all, .50), At(all, .99), At(all, .999)) { Errors = errors, Started = Volatile.Read(ref next) + 1 };
    }

    private static double At(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
