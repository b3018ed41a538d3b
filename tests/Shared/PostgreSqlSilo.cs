using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Tests.Shared;

/// <summary>The silo setup every PostgreSQL test shares (Storage and Durability tests).</summary>
public static class PostgreSqlSilo
{
    /// <summary>
    /// A silo as the host's PostgreSQL mode builds it: the schema migrated at start, membership, grain
    /// storage named <paramref name="grainStorage"/> and reminders on <paramref name="dataSource"/>;
    /// reminders as short as one second, so tests can set them that short.
    /// </summary>
    public static ISiloBuilder OnPostgreSql(this ISiloBuilder silo, NpgsqlDataSource dataSource, string grainStorage) =>
        silo.AddPostgreSqlSchemaMigration(dataSource)
            .UsePostgreSqlClustering(dataSource)
            .AddPostgreSqlGrainStorage(grainStorage, dataSource)
            .UsePostgreSqlReminderService(dataSource)
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
}
