using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Grains.Notifications;

/// <summary>
/// The notifiers' instruments (docs/telemetry.md): events delivered, failed attempts by status, and
/// the lag — the age, on the rules' clock, of the oldest event that an active notifier of this silo
/// has read but not yet delivered.
/// </summary>
public sealed class NotificationMetrics
{
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failures;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _oldestPending = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public NotificationMetrics(TimeProvider clock, IMeterFactory? meters = null)
    {
        _clock = clock;
        var meter = meters?.Create(TelemetryNames.Meter) ?? new Meter(TelemetryNames.Meter);
        _delivered = meter.CreateCounter<long>("waba.notifications.delivered", "{event}",
            "Account events delivered to the notification endpoint (acknowledged with a 2xx; a redelivery counts again).");
        _failures = meter.CreateCounter<long>("waba.notifications.failures", "{attempt}",
            "Failed delivery attempts, by status: the HTTP status code, timeout or network_error.");
        meter.CreateObservableGauge("waba.notifications.lag", ObserveLag, "s",
            "Age of the oldest undelivered event among this silo's active notifiers (0 when all are caught up).");
    }

    public void Delivered(int events) => _delivered.Add(events);

    public void Failed(string status) => _failures.Add(1, new KeyValuePair<string, object?>("status", status));

    /// <summary>The notifier of <paramref name="waba"/> holds undelivered events, the oldest from <paramref name="oldest"/>.</summary>
    public void Pending(string waba, DateTimeOffset oldest) => _oldestPending[waba] = oldest;

    /// <summary>The notifier of <paramref name="waba"/> is caught up or no longer active here.</summary>
    public void CaughtUp(string waba) => _oldestPending.TryRemove(waba, out _);

    /// <summary>The lag now (what the gauge reports).</summary>
    public TimeSpan Lag()
    {
        var now = _clock.GetUtcNow();
        var oldest = _oldestPending.Values.DefaultIfEmpty(now).Min();
        return oldest < now ? now - oldest : TimeSpan.Zero;
    }

    private double ObserveLag() => Lag().TotalSeconds;
}
