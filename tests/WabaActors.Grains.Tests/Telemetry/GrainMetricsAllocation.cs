using System.Diagnostics.Metrics;
using WabaActors.Domain.Messaging;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Grains.Tests.Telemetry;

/// <summary>The hot path's instruments allocate nothing per measurement, listened to or not.</summary>
/// <remarks>
/// Runs alone: any listener enabled on this test's instruments by a concurrent test would run its callback,
/// and allocate, on the recording thread (it happened once, before <see cref="MetricsProbe"/> was scoped to
/// one silo's meters).
/// </remarks>
[Collection(AloneCollection.Name)]
public class GrainMetricsAllocation
{
    private long _sum;

    [Fact]
    public void RecordsDecisionsGrantsAndWindowsWithoutAllocatingGivenAListener()
    {
        using var meters = new TestMeterFactory();
        var metrics = new GrainMetrics(meters);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _sum, value));
        listener.Start();
        Record(metrics, 10);   // first calls may fill caches

        var before = GC.GetAllocatedBytesForCurrentThread();
        Record(metrics, 10_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(3 * 10_010, Interlocked.Read(ref _sum));
    }

    [Fact]
    public void RecordsWithoutAllocatingGivenNoListener()
    {
        using var meters = new TestMeterFactory();
        var metrics = new GrainMetrics(meters);
        Record(metrics, 10);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Record(metrics, 10_000);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Record(GrainMetrics metrics, int times)
    {
        for (var i = 0; i < times; i++)
        {
            metrics.Decided(DenyReason.CustomerServiceWindowClosed, MessageType.Session);
            metrics.Counted(GrantOutcome.Counted);
            metrics.WindowsHeld(1);
        }
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}

/// <summary>Tests that measure their own thread's allocations, run after every parallel test and one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Alone (allocation measurements)";
}
