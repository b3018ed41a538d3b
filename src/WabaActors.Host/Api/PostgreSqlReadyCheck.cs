using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using WabaActors.Grains.Faults;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Host.Api;

/// <summary>
/// Ready only while PostgreSQL answers (registered only when it is the storage): a <c>SELECT 1</c>
/// limited to <see cref="FaultOptions.DatabaseProbeTimeout"/>, its result reused for
/// <see cref="FaultOptions.DatabaseProbeCache"/> so that frequent probes (several per second from a
/// load balancer and Kubernetes) cost the database one query per period. So <c>/health/ready</c> turns
/// 503 within about a second of losing the database and 200 within about a second of its return;
/// <c>/health/live</c> never asks it (an outage must not get the pods restarted). Each change is logged once.
/// </summary>
internal sealed partial class PostgreSqlReadyCheck(
    NpgsqlDataSource dataSource, IOptions<FaultOptions> options, ILogger<PostgreSqlReadyCheck> logger, TimeProvider? time = null) : IHealthCheck
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private Task<HealthCheckResult>? _probe;
    private long _probedAt;
    private bool _reachable = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_probe is null || _time.GetElapsedTime(_probedAt) > options.Value.DatabaseProbeCache)
            {
                _probedAt = _time.GetTimestamp();
                _probe = ProbeAsync();
            }

            return _probe;
        }
    }

    private async Task<HealthCheckResult> ProbeAsync()
    {
        using var limit = new CancellationTokenSource(options.Value.DatabaseProbeTimeout, _time);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(limit.Token);
            Changed(reachable: true, null);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            var error = e is OperationCanceledException ? $"no answer within {options.Value.DatabaseProbeTimeout.TotalSeconds} s" : e.Message;
            Changed(reachable: false, error);
            return HealthCheckResult.Unhealthy($"PostgreSQL: {error}");
        }
    }

    private void Changed(bool reachable, string? error)
    {
        lock (_lock)
        {
            if (_reachable == reachable)
            {
                return;
            }

            _reachable = reachable;
        }

        if (reachable)
        {
            LogReachable(logger);
        }
        else
        {
            LogUnreachable(logger, error!);
        }
    }

    [LoggerMessage(EventId = WabaEventId.PostgresUnreachable, Level = LogLevel.Warning,
        Message = "PostgreSQL is unreachable ({Error}): /health/ready answers 503 until it answers again")]
    private static partial void LogUnreachable(ILogger logger, string error);

    [LoggerMessage(EventId = WabaEventId.PostgresReachable, Level = LogLevel.Information, Message = "PostgreSQL answers again: /health/ready is 200")]
    private static partial void LogReachable(ILogger logger);
}
