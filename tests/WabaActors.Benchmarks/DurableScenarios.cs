using WabaActors.Domain.Identity;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Benchmarks;

/// <summary>
/// Durable decisions on PostgreSQL (fsync on): every operation is one change that must be committed
/// before it is acknowledged — alternately a window opened on one of <see cref="Numbers"/> numbers and
/// a template recipient counted on one of <see cref="Quotas"/> quotas. Three ways to write it:
/// ours (group commit of the delta), one commit per delta (same SQL), and the stock grain-storage way
/// (the number's whole state — its open windows — serialized and rewritten with a version check).
/// </summary>
public sealed class DurableScenarios : IAsyncDisposable
{
    public const int Numbers = 1_000;
    public const int Quotas = 1_000;
    public const int WindowsPerNumber = 1_000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupCommitWriter _writer;
    private readonly PostgreSqlMessagingStore _store;
    private readonly long[] _epochs = new long[Quotas];
    private readonly WholeState[] _states = new WholeState[Numbers];
    private readonly long _now = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero).UtcTicks;

    private DurableScenarios(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _writer = new GroupCommitWriter(dataSource, Options.Create(new GroupCommitOptions()), NullLogger<GroupCommitWriter>.Instance);
        _store = new PostgreSqlMessagingStore(dataSource, _writer, WabaRules.Document);
    }

    public (long Batches, long Changes) GroupCommits => _writer.Stats;

    /// <summary>WAL bytes written by the server so far, and the rows and bytes of our two hot tables (for bytes per decision).</summary>
    public async Task<(long WalBytes, long Rows, long TableBytes)> StorageAsync()
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT (SELECT wal_bytes FROM pg_stat_wal)::bigint, " +
            "(SELECT count(*) FROM waba_window) + (SELECT count(*) FROM waba_quota_grant), " +
            "pg_total_relation_size('waba_window') + pg_total_relation_size('waba_quota_grant')");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>A fresh database on the server of <paramref name="connectionString"/>, migrated, with quotas and whole states ready.</summary>
    public static async Task<DurableScenarios> CreateAsync(string connectionString)
    {
        var database = $"waba_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await using (var admin = NpgsqlDataSource.Create(connectionString))
        {
            await using var create = admin.CreateCommand($"CREATE DATABASE {database}");
            await create.ExecuteNonQueryAsync();
        }

        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Database = database, MaxPoolSize = 100, MaxAutoPrepare = 32, AutoPrepareMinUsages = 2 }.ConnectionString);
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        await using (var table = dataSource.CreateCommand(
            "CREATE TABLE IF NOT EXISTS bench_whole_state (phone text PRIMARY KEY, version integer NOT NULL, payload bytea NOT NULL)"))
        {
            await table.ExecuteNonQueryAsync();
        }

        var scenarios = new DurableScenarios(dataSource);
        for (var q = 0; q < Quotas; q++)
        {
            scenarios._epochs[q] = (await scenarios._store.LoadQuotaAsync($"account:bench-{q}", DateTimeOffset.UnixEpoch)).Epoch;
        }

        for (var n = 0; n < Numbers; n++)
        {
            scenarios._states[n] = new WholeState(Enumerable.Range(0, WindowsPerNumber).ToDictionary(c => 100_000_000L + c, _ => scenarios._now));
        }

        return scenarios;
    }

    /// <summary>Ours: the delta through the group-commit writer.</summary>
    public Task GroupCommitAsync(long i) => i % 2 == 0
        ? _store.AppendNumberAsync(Phone(i), new WindowChange(new CustomerId(Customer(i)), _now + i, false), null).AsTask()
        : _store.AppendQuotaAsync(QuotaKey(i), _epochs[i / 2 % Quotas], Grant(i)).AsTask();

    /// <summary>Baseline: the same statements, each committed on its own.</summary>
    public async Task OneCommitPerChangeAsync(long i)
    {
        await using var command = i % 2 == 0
            ? Command(Sql.InsertWindow, Phone(i), Customer(i), At(_now + i), false)
            : Command(Sql.InsertQuotaGrant, QuotaKey(i), $"m{i}", Customer(i), At(_now + i), 1, 50, _epochs[i / 2 % Quotas]);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Baseline: stock WriteStateAsync — the number's whole window set rewritten per change (version-checked).</summary>
    public async Task WholeStateAsync(long i)
    {
        var state = _states[(int)(i % Numbers)];
        await state.Lock.WaitAsync();
        try
        {
            state.Windows[Customer(i)] = _now + i;
            var payload = JsonSerializer.SerializeToUtf8Bytes(state.Windows);
            await using var command = Command(
                "INSERT INTO bench_whole_state (phone, version, payload) VALUES ($1, 1, $2) " +
                "ON CONFLICT (phone) DO UPDATE SET version = bench_whole_state.version + 1, payload = EXCLUDED.payload WHERE bench_whole_state.version = $3",
                Phone(i), payload, state.Version);
            await command.ExecuteNonQueryAsync();
            state.Version++;
        }
        finally
        {
            state.Lock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    private NpgsqlCommand Command(string sql, params object[] args)
    {
        var command = _dataSource.CreateCommand(sql);
        foreach (var arg in args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        return command;
    }

    private static string Phone(long i) => $"42060{i % Numbers:D7}";

    private static string QuotaKey(long i) => $"account:bench-{i / 2 % Quotas}";

    private static long Customer(long i) => 420_700_000_000 + i;

    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);

    private PermitGranted Grant(long i) => new($"m{i}", new CustomerId(Customer(i)), MessageType.Template, _now + i) { Used = 1, Limit = 50 };

    private sealed class WholeState(Dictionary<long, long> windows)
    {
        public Dictionary<long, long> Windows { get; } = windows;
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public int Version { get; set; } = 1;
    }

    private static class Sql
    {
        public const string InsertWindow = """
            INSERT INTO waba_window (phone, customer, expires_at, closed) VALUES ($1, $2, $3, $4)
            """;

        public const string InsertQuotaGrant = """
            INSERT INTO waba_quota_grant (quota_key, message_id, customer, counted_at, used, recipient_limit, epoch)
            SELECT $1, $2, $3, $4, $5, $6, q.epoch FROM waba_quota q WHERE q.quota_key = $1 AND q.epoch = $7 FOR SHARE
            """;
    }
}
