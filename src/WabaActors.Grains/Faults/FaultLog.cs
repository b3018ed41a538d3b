using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WabaActors.Contracts.Common;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Grains.Faults;

/// <summary>
/// Storage faults, logged by kind instead of per call: the first of a kind at a place (a
/// <see cref="FaultSource"/>) is logged at once — a warning with the error's message, no stack — the
/// next ones are counted, and at the end of each <see cref="FaultOptions.LogInterval"/> one line says
/// how many more there were; an interval without any ends the episode with one line. A database
/// outage under load thus writes a few lines per kind and place per interval, whatever the call rate.
/// Every fault also counts in the <c>waba.storage.faults</c> metric (kind, source).
/// </summary>
public sealed partial class FaultLog : IDisposable
{
    private readonly ILogger<FaultLog> _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Counter<long> _faults;
    private readonly Dictionary<(string Kind, string Source), long> _pending = [];
    private readonly Lock _lock = new();
    private ITimer? _timer;

    /// <param name="time">Drives the summary interval (real time unless a test passes its own).</param>
    public FaultLog(ILogger<FaultLog> logger, IOptions<FaultOptions> options, IMeterFactory? meters = null, TimeProvider? time = null)
    {
        (_logger, _interval, _time) = (logger, options.Value.LogInterval, time ?? TimeProvider.System);
        var meter = meters?.Create(TelemetryNames.Meter) ?? new Meter(TelemetryNames.Meter);
        _faults = meter.CreateCounter<long>("waba.storage.faults", "{fault}",
            "Storage faults (the database unreachable, a connection broken, a timeout) by kind and by where they were met.");
    }

    /// <summary>Records <paramref name="exception"/> if it is a storage fault (<see cref="StorageFault"/>); false, and nothing recorded, if not.</summary>
    public bool TryRecord(Exception exception, string source)
    {
        if (StorageFault.Find(exception) is not { } fault)
        {
            return false;
        }

        Record(fault.Kind, source, fault.Cause.Message);
        return true;
    }

    private void Record(string kind, string source, string message)
    {
        _faults.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("source", source));
        bool first;
        lock (_lock)
        {
            first = !_pending.TryGetValue((kind, source), out var count);
            _pending[(kind, source)] = first ? 0 : count + 1;
            _timer ??= _time.CreateTimer(_ => Summarize(), null, _interval, _interval);
        }

        if (first)
        {
            LogFirst(_logger, kind, source, message, _interval.TotalSeconds);
        }
    }

    /// <summary>End of an interval: a count per kind and place that went on, an end line for each that stopped.</summary>
    private void Summarize()
    {
        var repeated = new List<(string Kind, string Source, long Count)>();
        var ended = new List<(string Kind, string Source)>();
        lock (_lock)
        {
            foreach (var ((kind, source), count) in _pending.ToList())
            {
                if (count > 0)
                {
                    repeated.Add((kind, source, count));
                    _pending[(kind, source)] = 0;
                }
                else
                {
                    ended.Add((kind, source));
                    _pending.Remove((kind, source));
                }
            }

            if (_pending.Count == 0)
            {
                _timer?.Dispose();
                _timer = null;
            }
        }

        foreach (var (kind, source, count) in repeated)
        {
            LogRepeated(_logger, count, kind, source, _interval.TotalSeconds);
        }

        foreach (var (kind, source) in ended)
        {
            LogEnded(_logger, kind, source, _interval.TotalSeconds);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    [LoggerMessage(EventId = WabaEventId.StorageFault, Level = LogLevel.Warning,
        Message = "Storage unavailable ({Kind}) at {Source}: {Error}; further ones are counted and summed up every {IntervalSeconds} s")]
    private static partial void LogFirst(ILogger logger, string kind, string source, string error, double intervalSeconds);

    [LoggerMessage(EventId = WabaEventId.StorageFaultsRepeated, Level = LogLevel.Warning,
        Message = "{Count} more storage faults ({Kind}) at {Source} in the last {IntervalSeconds} s")]
    private static partial void LogRepeated(ILogger logger, long count, string kind, string source, double intervalSeconds);

    [LoggerMessage(EventId = WabaEventId.StorageFaultsEnded, Level = LogLevel.Information,
        Message = "No storage fault ({Kind}) at {Source} in the last {IntervalSeconds} s")]
    private static partial void LogEnded(ILogger logger, string kind, string source, double intervalSeconds);
}
