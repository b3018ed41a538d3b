using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// Applies the contract schema files the silo's start held back, once no live silo runs a build that does not
/// know them: checked every <see cref="SchemaOptions.ContractInterval"/> while any is pending, so the last old
/// silo of a rolling upgrade going away is enough (no restart). After one is applied, the writers' mode is read again.
/// </summary>
internal sealed class ContractSchemaService(
    SchemaMigrator migrator,
    DeltaLogKeys keys,
    NpgsqlDataSource dataSource,
    IOptions<SchemaOptions> options,
    TimeProvider time,
    ILogger<SchemaMigrator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ContractInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (migrator.PendingContracts.Count == 0)
            {
                continue;
            }

            try
            {
                if ((await migrator.ApplyContractsAsync(stoppingToken)).Count > 0)
                {
                    await keys.DetectAsync(dataSource, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                MigrationLog.ContractCheckFailed(logger, e);
            }
        }
    }
}
