using Npgsql;
using WabaActors.Contracts.Common;

namespace WabaActors.Durability.Tests.Support;

/// <summary>
/// Makes PostgreSQL refuse every insert and update of one table (a trigger that raises), as a full
/// disk or a lost connection would, while the grains stay alive. Dropped on dispose.
/// </summary>
public sealed class RefusedWrites : IAsyncDisposable
{
    private readonly TestDatabase _db;
    private readonly string _table;
    private bool _dropped;

    private RefusedWrites(TestDatabase db, string table) => (_db, _table) = (db, table);

    /// <param name="sqlState">The error's SQL state: a plain error by default, or e.g. <c>57P01</c> (the server shutting down).</param>
    public static async Task<RefusedWrites> OnAsync(TestDatabase db, string table, string sqlState = "P0001")
    {
        // Table names and states are constants of the tests, never input.
        await db.ExecuteAsync($"""
            CREATE OR REPLACE FUNCTION waba_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'write refused by the test' USING ERRCODE = '{sqlState}'; END $$
            """);
        await db.ExecuteAsync($"CREATE TRIGGER waba_test_refuse BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION waba_test_refuse()");
        return new RefusedWrites(db, table);
    }

    /// <summary>
    /// A call whose write the trigger refused fails: the store's PostgreSQL error reaches the grain's caller
    /// as itself, and a plain error is no outage (HTTP answers it 500: a bug, not a retry loop).
    /// </summary>
    public static async Task AssertRefusedAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(call);
        Assert.StartsWith("P0001", error.Message, StringComparison.Ordinal);
        Assert.Null(StorageFault.KindOf(error));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_dropped)
        {
            _dropped = true;
            await _db.ExecuteAsync($"DROP TRIGGER waba_test_refuse ON {_table}");
        }
    }
}
