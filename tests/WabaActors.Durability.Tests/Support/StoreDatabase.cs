using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using WabaActors.Domain.Rules;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Durability.Tests.Support;

/// <summary>
/// A migrated database of its own with a group-commit writer and the messaging store on it, for the
/// tests that drive <see cref="PostgreSqlMessagingStore"/> or the writer directly, with real commits.
/// </summary>
public sealed class StoreDatabase : IAsyncDisposable
{
    private StoreDatabase(TestDatabase db)
    {
        Db = db;
        Writer = NewWriter(db.DataSource);
        Store = new PostgreSqlMessagingStore(db.DataSource, Writer, WabaRules.Document);
    }

    public TestDatabase Db { get; }

    public GroupCommitWriter Writer { get; }

    public PostgreSqlMessagingStore Store { get; }

    public static async Task<StoreDatabase> CreateAsync() => new(await TestDatabase.CreateAsync(migrate: true));

    public static GroupCommitWriter NewWriter(NpgsqlDataSource dataSource, GroupCommitOptions? options = null, TimeProvider? time = null) =>
        new(dataSource, Options.Create(options ?? new GroupCommitOptions()), NullLogger<GroupCommitWriter>.Instance, time: time);

    /// <summary>A data source whose connections carry <paramref name="applicationName"/>, so that a test can find and end them.</summary>
    public NpgsqlDataSource Named(string applicationName) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(Db.ConnectionString) { ApplicationName = applicationName }.ConnectionString);

    /// <summary>The server ends every connection named <paramref name="applicationName"/> (as a restart or a failover would); returns how many.</summary>
    public Task<long> TerminateAsync(string applicationName) =>
        Db.ScalarAsync<long>("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1", applicationName);

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        await Db.DisposeAsync();
    }
}
