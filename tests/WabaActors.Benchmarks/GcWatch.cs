using System.Diagnostics;
using System.Globalization;

namespace WabaActors.Benchmarks;

/// <summary>What the GC did during a run: collections per generation, time paused, bytes allocated, heap after.</summary>
public readonly struct GcWatch
{
    private readonly int _gen0;
    private readonly int _gen1;
    private readonly int _gen2;
    private readonly TimeSpan _paused;
    private readonly long _allocated;
    private readonly long _started;

    private GcWatch(bool _)
    {
        (_gen0, _gen1, _gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        _paused = GC.GetTotalPauseDuration();
        _allocated = GC.GetTotalAllocatedBytes();
        _started = Stopwatch.GetTimestamp();
    }

    public static GcWatch Start() => new(true);

    /// <summary>Per op: bytes allocated; and the share of the wall time the GC held every thread.</summary>
    public string Summary(long ops)
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        var paused = GC.GetTotalPauseDuration() - _paused;
        return string.Create(CultureInfo.InvariantCulture,
            $"GC: {GC.CollectionCount(0) - _gen0} gen0 / {GC.CollectionCount(1) - _gen1} gen1 / {GC.CollectionCount(2) - _gen2} gen2, "
            + $"paused {paused.TotalMilliseconds:N0} ms ({paused / elapsed:P0} of {elapsed.TotalSeconds:N1} s), "
            + $"{(double)(GC.GetTotalAllocatedBytes() - _allocated) / Math.Max(1, ops):N0} B allocated per op, heap {GC.GetTotalMemory(false) / 1e6:N0} MB");
    }
}
