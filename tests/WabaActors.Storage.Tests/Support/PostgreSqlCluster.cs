using Orleans.TestingHost;

namespace WabaActors.Storage.Tests;

internal static class PostgreSqlCluster
{
    /// <summary>
    /// A cluster on <paramref name="database"/> with ADO.NET membership (not the test membership).
    /// Clusters started with the same <paramref name="serviceId"/> share grain state and reminders.
    /// </summary>
    public static async Task<TestCluster> StartAsync(TestDatabase database, string serviceId, short silos = 1)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[TestSettings.DatabaseKey] = database.Name;
        builder.AddSiloBuilderConfigurator<PostgreSqlSiloConfigurator>();
        builder.AddClientBuilderConfigurator<PostgreSqlClientConfigurator>();

        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync().WaitAsync(TestSettings.Timeout);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }
}
