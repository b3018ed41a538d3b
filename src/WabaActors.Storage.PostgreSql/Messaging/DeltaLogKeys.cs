using Microsoft.Extensions.Logging;
using Npgsql;

namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// Whether the window and grant tables still have the unique keys that 007 drops (ADR 0015). 007 is a
/// contract file (ADR 0025): while a silo of a build from before it is live, the keys stay, and this build
/// writes those tables with the upserts on them, as that build did (one row per key, which its loads expect);
/// once they are gone, with plain inserts. A silo detects it after migrating; a write that meets a dropped
/// key (SqlState 42P10, another silo applied 007) turns it off and is written again as a plain insert.
/// </summary>
public sealed class DeltaLogKeys(ILogger<DeltaLogKeys> logger)
{
    private const string Detect = """
        SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE contype = 'p'
            AND conrelid IN (to_regclass('waba_window'), to_regclass('waba_number_grant'), to_regclass('waba_quota_grant')))
        """;

    private volatile bool _present;

    /// <summary>The keys are there: write with the upserts. False until <see cref="DetectAsync"/> finds them.</summary>
    public bool Present => _present;

    /// <summary>Reads whether the keys are there (after the migration, before the silo serves).</summary>
    public async Task DetectAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(Detect);
        _present = (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The keys are gone (a write met 42P10, or this silo applied 007): plain inserts from now on.</summary>
    public void Dropped()
    {
        if (_present)
        {
            _present = false;
            MigrationLog.DeltaLogKeysDropped(logger);
        }
    }

    /// <summary>The error of an upsert whose key is gone: no unique constraint matches its ON CONFLICT.</summary>
    public static bool IsDroppedKey(Exception error) => error is PostgresException { SqlState: "42P10" };
}
