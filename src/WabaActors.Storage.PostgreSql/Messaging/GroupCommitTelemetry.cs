using System.Diagnostics;
using System.Diagnostics.Metrics;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// What a group commit reports (docs/telemetry.md): its size and latency as histograms, and a span
/// per commit linked to the spans of the calls it made durable. Nothing is allocated per queued
/// write; links are built only while a tracer listens.
/// </summary>
internal sealed class GroupCommitTelemetry
{
    /// <summary>At most this many callers are linked from one commit's span.</summary>
    public const int MaxLinks = 128;

    private static readonly ActivitySource Source = new(TelemetryNames.ActivitySource);
    private static readonly KeyValuePair<string, object?>[] Committed = [new("outcome", "committed")];
    private static readonly KeyValuePair<string, object?>[] Failed = [new("outcome", "failed")];

    private readonly Histogram<int> _size;
    private readonly Histogram<double> _latency;

    public GroupCommitTelemetry(IMeterFactory? meters)
    {
        var meter = meters?.Create(TelemetryNames.Meter) ?? new Meter(TelemetryNames.Meter);
        _size = meter.CreateHistogram("waba.group_commit.batch_size", "{change}",
            "Changes written by one group commit (one round trip, one transaction).",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] });
        _latency = meter.CreateHistogram("waba.group_commit.duration", "s",
            "Time from a group commit's start to PostgreSQL's acknowledgement (connection, batch, commit).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5] });
    }

    /// <summary>The caller's span to link from the commit, only while a tracer listens (else null: nothing kept).</summary>
    public static Activity? Caller() => Source.HasListeners() ? Activity.Current : null;

    /// <summary>A root span for one commit, linked to the spans of (up to <see cref="MaxLinks"/>) callers.</summary>
    public static Activity? StartCommit<T>(List<T> batch, Func<T, Activity?> caller)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var links = new List<ActivityLink>(Math.Min(batch.Count, MaxLinks));
        foreach (var write in batch)
        {
            if (caller(write) is { } activity && links.Count < MaxLinks)
            {
                links.Add(new ActivityLink(activity.Context));
            }
        }

        var span = Source.StartActivity("waba.group_commit", ActivityKind.Internal, default(ActivityContext), links: links);
        span?.SetTag("db.system.name", "postgresql");
        span?.SetTag("waba.batch.size", batch.Count);
        return span;
    }

    public void Record(int size, long startedTimestamp, bool committed)
    {
        var tags = committed ? Committed : Failed;
        _size.Record(size, tags);
        _latency.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, tags);
    }
}
