using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// Brings a database to the schema of this build by applying the numbered files of
/// deploy/postgres/, each in its own transaction, and recording them in <c>schema_version</c>.
/// Expand files first, in order (they keep the previous release working); then contract files, in
/// order, each only when the <see cref="ContractGate"/> finds no live silo whose build does not know it
/// (without a gate, a tool's run, they are applied at once). A contract file held back stays
/// <see cref="PendingContracts"/> and is tried again by <see cref="ApplyContractsAsync"/>. Silos may start
/// together: every step holds a transaction-scoped advisory lock, so one applies a file and the others
/// find it applied. A file whose text changed after it was applied stops the migration before anything runs.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, IReadOnlyList<SchemaScript> scripts, ILogger<SchemaMigrator> logger, ContractGate? gate = null)
{
    /// <summary>"WABASCHM": the advisory lock key every migrator of a database serializes on.</summary>
    public const long AdvisoryLockKey = 0x5741_4241_5343_484D;

    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    integer     NOT NULL PRIMARY KEY,
            name       text        NOT NULL,
            sha256     text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now())
        """;
    private const string Lock = "SELECT pg_advisory_xact_lock($1)";
    private const string SelectApplied = "SELECT version, name, sha256 FROM schema_version ORDER BY version";
    private const string SelectOne = "SELECT sha256 FROM schema_version WHERE version = $1";
    private const string InsertApplied = "INSERT INTO schema_version (version, name, sha256) VALUES ($1, $2, $3)";

    private readonly HashSet<int> _reportedPending = [];

    /// <summary>A migrator for the files embedded in this assembly.</summary>
    public SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
        : this(dataSource, SchemaScript.Embedded, logger)
    {
    }

    /// <summary>The contract files held back by the last run (a live silo's build does not know them), in order.</summary>
    public IReadOnlyList<SchemaScript> PendingContracts { get; private set; } = [];

    /// <summary>Applies what is missing; returns the files this call applied (none when up to date).</summary>
    /// <exception cref="SchemaMigrationException">An applied file's checksum differs from this build's.</exception>
    public async Task<IReadOnlyList<SchemaScript>> MigrateAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);

        // Check every applied file first, so a changed file refuses the start before any DDL runs.
        var applied = await ReadAppliedAsync(connection, ct);
        foreach (var (version, (name, sha256)) in applied)
        {
            var script = scripts.FirstOrDefault(s => s.Version == version);
            if (script is null)
            {
                MigrationLog.UnknownVersion(logger, version, name);
            }
            else
            {
                Verify(script, sha256);
            }
        }

        var done = new List<SchemaScript>();
        foreach (var script in scripts.Where(s => s.Phase == SchemaPhase.Expand && !applied.ContainsKey(s.Version)))
        {
            if (await ApplyRetryingLocksAsync(connection, script, ct) == Outcome.Applied)
            {
                done.Add(script);
            }
        }

        if (gate is not null)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await LockAsync(connection, tx, ct);
            await gate.RegisterAsync(connection, tx, KnownVersion, ct);
            await tx.CommitAsync(ct);
        }

        done.AddRange(await ApplyContractsAsync(connection, applied.Keys, ct));
        MigrationLog.UpToDate(logger, KnownVersion, done.Count);
        return done;
    }

    /// <summary>Applies the contract files the gate now lets through (a silo's periodic check); returns those applied.</summary>
    public async Task<IReadOnlyList<SchemaScript>> ApplyContractsAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var applied = await ReadAppliedAsync(connection, ct);
        return await ApplyContractsAsync(connection, applied.Keys, ct);
    }

    /// <summary>The highest schema file this build carries: what its silos record in waba_silo_schema.</summary>
    public int KnownVersion => scripts.Count == 0 ? 0 : scripts.Max(s => s.Version);

    private async Task<List<SchemaScript>> ApplyContractsAsync(NpgsqlConnection connection, IEnumerable<int> applied, CancellationToken ct)
    {
        var done = new List<SchemaScript>();
        var missing = scripts.Where(s => s.Phase == SchemaPhase.Contract).ExceptBy(applied, s => s.Version).ToList();
        for (var i = 0; i < missing.Count; i++)
        {
            // In order: a contract file held back holds back the ones after it.
            switch (await ApplyRetryingLocksAsync(connection, missing[i], ct))
            {
                case Outcome.Blocked:
                    PendingContracts = missing[i..];
                    return done;
                case Outcome.Applied:
                    done.Add(missing[i]);
                    break;
            }
        }

        PendingContracts = [];
        return done;
    }

    private static async Task<Dictionary<int, (string Name, string Sha256)>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        // Creating the table under the lock too: two concurrent CREATE TABLE IF NOT EXISTS can
        // still collide on the catalog's unique index.
        await using var tx = await connection.BeginTransactionAsync(ct);
        await LockAsync(connection, tx, ct);
        await using (var create = new NpgsqlCommand(CreateVersionTable, connection, tx))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        var applied = new Dictionary<int, (string, string)>();
        await using (var select = new NpgsqlCommand(SelectApplied, connection, tx))
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                applied.Add(reader.GetInt32(0), (reader.GetString(1), reader.GetString(2)));
            }
        }

        await tx.CommitAsync(ct);
        return applied;
    }

    /// <summary>
    /// A file that sets a <c>lock_timeout</c> (009 on) gives up when a table's lock is not free in time,
    /// and its transaction rolls back whole, so the readers queued behind it go on. It is tried again at
    /// once, up to <see cref="LockAttempts"/> times: each try waits at most its timeout on the server, so
    /// no try stalls the hot tables for longer, and a lock held briefly (a long read, a vacuum) only delays
    /// the start. A lock still held after that stops the start with the file's error.
    /// </summary>
    private async Task<Outcome> ApplyRetryingLocksAsync(NpgsqlConnection connection, SchemaScript script, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyAsync(connection, script, ct);
            }
            catch (SchemaMigrationException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable } && attempt < LockAttempts)
            {
                MigrationLog.LockTimedOut(logger, script.Version, script.Name, attempt, LockAttempts);
            }
        }
    }

    /// <summary>How many times a file that timed out waiting for a lock is tried.</summary>
    public const int LockAttempts = 10;

    private enum Outcome
    {
        Applied,
        AlreadyApplied,
        Blocked,
    }

    private async Task<Outcome> ApplyAsync(NpgsqlConnection connection, SchemaScript script, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var tx = await connection.BeginTransactionAsync(ct);
        await LockAsync(connection, tx, ct);

        // Another silo may have applied it while this one waited for the lock.
        await using (var check = new NpgsqlCommand(SelectOne, connection, tx) { Parameters = { new() { Value = script.Version } } })
        {
            if (await check.ExecuteScalarAsync(ct) is string sha256)
            {
                Verify(script, sha256);
                MigrationLog.AlreadyApplied(logger, script.Version, script.Name);
                return Outcome.AlreadyApplied;
            }
        }

        // Under the lock: a silo that registers or a contract that another silo applies waits for this decision.
        if (script.Phase == SchemaPhase.Contract && gate is not null
            && await gate.BlockersAsync(connection, tx, script.Version, ct) is { Count: > 0 } blockers)
        {
            await tx.RollbackAsync(ct);
            bool first;
            lock (_reportedPending)
            {
                first = _reportedPending.Add(script.Version);   // the start and the periodic check may overlap
            }

            if (first)
            {
                MigrationLog.ContractPending(logger, script.Version, script.Name, blockers.Count, string.Join(", ", blockers));
            }

            return Outcome.Blocked;
        }

        try
        {
            // DDL may wait on locks or rewrite tables: no command timeout, the token cancels.
            await using (var apply = new NpgsqlCommand(script.Sql, connection, tx) { CommandTimeout = 0 })
            {
                await apply.ExecuteNonQueryAsync(ct);
            }
        }
        catch (PostgresException e)
        {
            throw new SchemaMigrationException($"Schema file {script.Version:000}_{script.Name} failed: {e.MessageText}", e);
        }

        await using (var record = new NpgsqlCommand(InsertApplied, connection, tx)
        {
            Parameters = { new() { Value = script.Version }, new() { Value = script.Name }, new() { Value = script.Sha256 } },
        })
        {
            await record.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        MigrationLog.Applied(logger, script.Version, script.Name, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return Outcome.Applied;
    }

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        // Waits for a concurrent migrator's transaction to end; released by our commit/rollback.
        await using var command = new NpgsqlCommand(Lock, connection, tx) { CommandTimeout = 0, Parameters = { new() { Value = AdvisoryLockKey } } };
        await command.ExecuteNonQueryAsync(ct);
    }

    private void Verify(SchemaScript script, string appliedSha256)
    {
        if (!string.Equals(script.Sha256, appliedSha256, StringComparison.OrdinalIgnoreCase))
        {
            MigrationLog.ChecksumChanged(logger, script.Version, script.Name, appliedSha256, script.Sha256);
            throw new SchemaMigrationException(
                $"Schema file {script.Version:000}_{script.Name} changed after it was applied " +
                $"(applied sha256 {appliedSha256}, this build {script.Sha256}). Applied files are immutable: " +
                "restore the file and put the change in a new numbered file.");
        }
    }
}
