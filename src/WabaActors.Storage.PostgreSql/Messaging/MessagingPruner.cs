using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using WabaActors.Domain.Rules;
using WabaActors.Grains.Time;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// Deletes windows, grants, inbound message ids, counted recipients, links and verdicts that can no longer matter, in chunks, on the
/// rules' clock. Activation never needs them (it reads only live rows), so pruning only bounds the
/// tables; several silos pruning at once is harmless.
/// </summary>
public sealed partial class MessagingPruner(
    NpgsqlDataSource dataSource,
    WabaRules rules,
    IOptions<PruneOptions> options,
    [FromKeyedServices(WabaClock.Key)] TimeProvider clock,
    ILogger<MessagingPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first pass waits one interval: at start the silo is still applying the schema.
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await PruneOnceAsync(stoppingToken);
                if (deleted > 0)
                {
                    LogPruned(logger, deleted);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPruneFailed(logger, e);
            }
        }
    }

    /// <summary>One pass over every table; returns the rows deleted.</summary>
    public async Task<long> PruneOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var total = 0L;
        total += await DeleteAsync("waba_window", "expires_at", now - rules.ServiceWindow, ct);
        total += await DeleteAsync("waba_inbound_id", "recorded_at", now - rules.ServiceWindow, ct);
        total += await DeleteAsync("waba_number_grant", "granted_at", now - rules.GrantRetention, ct);
        total += await DeleteAsync("waba_quota_grant", "counted_at", now - rules.TemplateRecipientPeriod, ct);
        total += await DeleteAsync("waba_customer_link", "taught_at", now - rules.LinkRetention, ct);
        // A verdict's row carries its end (a hold's, a preference's retention): deleted once past it.
        total += await DeleteAsync("waba_customer_verdict", "expires_at", now, ct);
        return total;
    }

    private async Task<long> DeleteAsync(string table, string column, DateTimeOffset before, CancellationToken ct)
    {
        // Table and column names are constants of this class, never input.
        var sql = $"DELETE FROM {table} WHERE ctid IN (SELECT ctid FROM {table} WHERE {column} < $1 LIMIT $2)";
        long deleted = 0;
        int chunk;
        do
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new() { Value = before });
            command.Parameters.Add(new() { Value = options.Value.ChunkSize });
            chunk = await command.ExecuteNonQueryAsync(ct);
            deleted += chunk;
        }
        while (chunk == options.Value.ChunkSize);
        return deleted;
    }

    [LoggerMessage(EventId = WabaEventId.PrunerPruned, Level = LogLevel.Information, Message = "Pruned {Rows} expired rows")]
    private static partial void LogPruned(ILogger logger, long rows);

    [LoggerMessage(EventId = WabaEventId.PrunerPruneFailed, Level = LogLevel.Warning, Message = "Pruning failed; retried at the next interval")]
    private static partial void LogPruneFailed(ILogger logger, Exception error);
}
