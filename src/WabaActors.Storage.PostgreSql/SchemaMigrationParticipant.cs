using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace WabaActors.Storage.PostgreSql;

/// <summary>Runs the <see cref="SchemaMigrator"/> as the silo's first lifecycle step, before any provider reads orleansquery.</summary>
internal sealed class SchemaMigrationParticipant(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaMigrationParticipant), ServiceLifecycleStage.First,
            ct => new SchemaMigrator(dataSource, logger).MigrateAsync(ct));
}
