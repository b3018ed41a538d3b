using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Storage.Tests;

/// <summary>The test client finds gateways in the membership table (GatewaysQueryKey).</summary>
public sealed class PostgreSqlClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.UsePostgreSqlClustering(TestDatabase.DataSourceOf(configuration[TestSettings.DatabaseKey]!));
}
