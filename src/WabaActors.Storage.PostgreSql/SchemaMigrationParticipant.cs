using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// Runs the <see cref="SchemaMigrator"/> as the silo's first lifecycle step, before any provider reads orleansquery,
/// then reads whether the keys of 007 still stand, before a grain writes.
/// </summary>
internal sealed class SchemaMigrationParticipant(SchemaMigrator migrator, DeltaLogKeys keys, NpgsqlDataSource dataSource) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaMigrationParticipant), ServiceLifecycleStage.First, async ct =>
        {
            await migrator.MigrateAsync(ct);
            await keys.DetectAsync(dataSource, ct);
        });
}
