using Npgsql;

namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// The connection one group-commit loop keeps between its batches: opened on first use; checked with
/// a ping when it has been idle longer than <paramref name="idleLimit"/> (something on the way may
/// have dropped it, and the batch that found it dead would fail); after a failure dropped (closed, not
/// reused) so that the next batch opens a fresh one. A held connection is never returned to the
/// pool, so the server does not run the pool's reset on it before every batch.
/// </summary>
internal sealed class WriterConnection(NpgsqlDataSource dataSource, TimeSpan idleLimit, TimeProvider time) : IAsyncDisposable
{
    /// <summary>The ping's limit: a connection that a NAT dropped silently answers never, not with an error.</summary>
    private const int PingTimeoutSeconds = 5;

    private NpgsqlConnection? _connection;
    private long _lastUsed;

    public async ValueTask<NpgsqlConnection> OpenAsync()
    {
        if (_connection is { State: System.Data.ConnectionState.Open } open
            && (time.GetElapsedTime(_lastUsed) <= idleLimit || await AnswersAsync(open)))
        {
            _lastUsed = time.GetTimestamp();
            return open;
        }

        await DropAsync();
        _connection = await dataSource.OpenConnectionAsync();
        _lastUsed = time.GetTimestamp();
        return _connection;
    }

    private static async Task<bool> AnswersAsync(NpgsqlConnection connection)
    {
        try
        {
            await using var ping = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = PingTimeoutSeconds };
            await ping.ExecuteScalarAsync();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>After a failure the connection's state is unknown (broken, or mid-transaction): it is not reused.</summary>
    public async ValueTask DropAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            try
            {
                await connection.DisposeAsync();
            }
            catch (Exception)
            {
                // Closing a connection the server already ended may fail; it is gone either way, and the
                // writer loop must outlive it.
            }
        }
    }

    public ValueTask DisposeAsync() => DropAsync();
}
