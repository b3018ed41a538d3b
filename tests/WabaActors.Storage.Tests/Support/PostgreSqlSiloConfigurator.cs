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
            .OnPostgreSql(dataSource, TestSettings.StorageName)
            .Configure<ReminderOptions>(o => o.RefreshReminderListPeriod = TimeSpan.FromSeconds(2));
    }
}
