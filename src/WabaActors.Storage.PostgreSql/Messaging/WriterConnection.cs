using Npgsql;

namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// The connection one group-commit loop keeps between its batches: opened on first use, and after
/// a failure dropped (closed, not reused) so that the next batch opens a fresh one. A held
/// connection is never returned to the pool, so the server does not run the pool's reset on it
/// before every batch.
/// </summary>
internal sealed class WriterConnection(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;

    public async ValueTask<NpgsqlConnection> OpenAsync()
    {
        if (_connection is { State: System.Data.ConnectionState.Open } open)
        {
            return open;
        }

        await DropAsync();
        _connection = await dataSource.OpenConnectionAsync();
        return _connection;
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
