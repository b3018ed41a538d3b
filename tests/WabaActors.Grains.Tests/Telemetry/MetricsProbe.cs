using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Grains.Tests.Telemetry;

/// <summary>
/// Listens to the service's meter of one silo (<paramref name="meters"/>: that silo's meter factory, the
/// meters' scope) and keeps each measurement with its tags, for one test. Scoped to the silo, so the
/// other test cluster of this process (the <c>meta</c> profile's, running in parallel) is not counted.
/// </summary>
public sealed class MetricsProbe : IDisposable
{
    private readonly MeterListener _listener = new();

    public MetricsProbe(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TelemetryNames.Meter && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.Start();
    }

    public ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)> Measurements { get; } = new();

    /// <summary>The sum of <paramref name="instrument"/>'s measurements whose tags include all of <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) =>
        Measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.GetValueOrDefault(t.Key) == t.Value)).Sum(m => m.Value);

    public int Count(string instrument, params (string Key, string Value)[] tags) =>
        Measurements.Count(m => m.Instrument == instrument && tags.All(t => m.Tags.GetValueOrDefault(t.Key) == t.Value));

    public void Dispose() => _listener.Dispose();

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var kept = new Dictionary<string, string?>();
        foreach (var (key, tag) in tags)
        {
            kept[key] = tag is bool b ? (b ? "true" : "false") : tag?.ToString();
        }

        Measurements.Enqueue((instrument.Name, value, kept));
    }
}
