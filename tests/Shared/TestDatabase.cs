using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Tests.Shared;

/// <summary>
/// A fresh database on the server named by WABA_TEST_POSTGRES, dropped on dispose; shared by the
/// storage and durability tests (compiled into both, tests/Shared). Its time zone is deliberately not
/// UTC, so a timestamp-without-time-zone mix-up shows as a shift. No server configured fails the test:
/// these tests are the evidence that state reaches PostgreSQL and survives crashes, so they are never skipped.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "WABA_TEST_POSTGRES";
    private const string SessionTimeZone = "Asia/Kathmandu"; // +05:45, never mistaken for UTC

    // Silos are built from configurator types, so they find the test's data source by database name.
    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> Open = new(StringComparer.Ordinal);

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        // Prepared statements as the host's data source has them (SiloHosting): the stores run as in production.
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        DataSource = builder.Build();
        Open[name] = DataSource;
    }

    public string Name { get; }

    /// <summary>The database's connection string, for a host process (ConnectionStrings__WabaActors).</summary>
    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static NpgsqlDataSource DataSourceOf(string name) =>
        Open.TryGetValue(name, out var dataSource) ? dataSource : throw new InvalidOperationException($"No open test database '{name}'.");

    public static async Task<TestDatabase> CreateAsync(bool migrate = false)
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. These tests need a real PostgreSQL: run deploy/test.sh, or " +
                $"`export {EnvironmentVariable}=$(deploy/postgres-local.sh start)` and `deploy/postgres-local.sh stop` afterwards.");
        }

        return await CreateOnAsync(server, migrate);
    }

    /// <summary>A fresh database on <paramref name="server"/> (a connection string to any of its databases): a test's own server.</summary>
    public static async Task<TestDatabase> CreateOnAsync(string server, bool migrate = false)
    {

        var name = $"waba_test_{Guid.NewGuid():N}"[..40];
        await using (var admin = await OpenAdminAsync(server))
        {
            await ExecuteAsync(admin, $"CREATE DATABASE {name}");
            await ExecuteAsync(admin, $"ALTER DATABASE {name} SET timezone TO '{SessionTimeZone}'");
        }

        var database = new TestDatabase(name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
        if (migrate)
        {
            await new SchemaMigrator(database.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        }

        return database;
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] args)
    {
        await using var command = Command(sql, args);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<int> ExecuteAsync(string sql, params object[] args)
    {
        await using var command = Command(sql, args);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<List<string>> ColumnAsync(string sql, params object[] args)
    {
        var values = new List<string>();
        await using var command = Command(sql, args);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    public async ValueTask DisposeAsync()
    {
        Open.TryRemove(Name, out _);
        await DataSource.DisposeAsync();
        await using var admin = await OpenAdminAsync(ConnectionString);
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private NpgsqlCommand Command(string sql, object[] args)
    {
        var command = DataSource.CreateCommand(sql);
        foreach (var arg in args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        return command;
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync(string server)
    {
        var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        return admin;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
