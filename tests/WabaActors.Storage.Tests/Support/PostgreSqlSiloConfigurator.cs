using Orleans.Hosting;
using Orleans.TestingHost;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Storage.Tests;

/// <summary>A silo on the three PostgreSQL providers, migrating its database at start like a production silo.</summary>
public sealed class PostgreSqlSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var dataSource = TestDatabase.DataSourceOf(siloBuilder.Configuration[TestSettings.DatabaseKey]!);
        siloBuilder
            .AddPostgreSqlSchemaMigration(dataSource)
            .UsePostgreSqlClustering(dataSource)
            .AddPostgreSqlGrainStorage(TestSettings.StorageName, dataSource)
            .UsePostgreSqlReminderService(dataSource)
            .Configure<ReminderOptions>(o =>
            {
                o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
                o.RefreshReminderListPeriod = TimeSpan.FromSeconds(2);
            });
    }
}
