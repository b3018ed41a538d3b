using Npgsql;

namespace WabaActors.Durability.Tests.Support;

/// <summary>
/// Holds the quota's fence row (<c>waba_quota</c>) locked in an open transaction: every grant of that
/// quota then waits inside its commit, as behind a stalled disk. With it a crash can be made to land
/// while a grant is in flight, not by luck of timing. Released on dispose at the latest.
/// </summary>
public sealed class QuotaRowLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private bool _released;

    private QuotaRowLock(NpgsqlConnection connection, NpgsqlTransaction transaction) => (_connection, _transaction) = (connection, transaction);

    public static async Task<QuotaRowLock> HoldAsync(TestDatabase db, string quotaKey)
    {
        var connection = await db.DataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("SELECT epoch FROM waba_quota WHERE quota_key = $1 FOR UPDATE", connection, transaction)
        {
            Parameters = { new() { Value = quotaKey } },
        };
        Assert.NotNull(await command.ExecuteScalarAsync());
        return new QuotaRowLock(connection, transaction);
    }

    /// <summary>Statements of this database waiting on a lock whose text mentions <paramref name="table"/>.</summary>
    public static Task<long> WaitingAsync(TestDatabase db, string table) =>
        db.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%' || $1 || '%'",
            table);

    public async Task ReleaseAsync()
    {
        if (!_released)
        {
            _released = true;
            await _transaction.CommitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
