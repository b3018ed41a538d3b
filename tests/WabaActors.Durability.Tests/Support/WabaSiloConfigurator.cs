using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.TestingHost;
using WabaActors.Domain.Rules;
using WabaActors.Grains;
using WabaActors.Grains.Storage;
using WabaActors.Grains.Time;
using WabaActors.Host.Notifications;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Durability.Tests.Support;

/// <summary>
/// A silo wired like the host's PostgreSQL mode (SiloHosting): the schema migrated at start, membership,
/// grain storage "waba" and reminders on PostgreSQL, the group-committed delta stores, the document's
/// rules, the system clock for the rules and the reminders. Failure detection is tightened so a killed
/// silo is declared dead in seconds rather than the production minute.
/// </summary>
public sealed class WabaSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var dataSource = TestDatabase.DataSourceOf(siloBuilder.Configuration[Settings.DatabaseKey]!);
        siloBuilder.OnPostgreSql(dataSource, StorageNames.Grains);

        var services = siloBuilder.Services;
        services.AddSingleton(dataSource);
        services.AddSingleton(WabaRules.Document);
        services.AddKeyedSingleton(WabaClock.Key, TimeProvider.System);
        services.AddKeyedSingleton(ReminderTimeProviderNames.Reminders, TimeProvider.System);
        services.AddPostgreSqlWabaStores();
        services.AddWabaGrainServices();
        services.AddWabaNotifications();

        // Reminders as short as the tests set them (WabaActors:Grains:ReminderPeriod, at least the 1 s of
        // OnPostgreSql): a notifier's pending reminder then fires seconds after a restart.
        services.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
        });
        services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = Settings.CallTimeout);
        if (siloBuilder.Configuration[Settings.LosePokesKey] == "true")
        {
            siloBuilder.AddOutgoingGrainCallFilter<LostPokes>();
        }
    }
}

/// <summary>The test client finds gateways in the membership table.</summary>
public sealed class WabaClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder)
    {
        clientBuilder.UsePostgreSqlClustering(TestDatabase.DataSourceOf(configuration[Settings.DatabaseKey]!));
        clientBuilder.Services.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = Settings.CallTimeout);
        clientBuilder.Services.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
    }
}

internal static class WabaCluster
{
    /// <summary>
    /// A cluster of <paramref name="silos"/> on <paramref name="database"/> with PostgreSQL membership.
    /// Clusters started with the same ids share grain state, the delta stores and reminders.
    /// </summary>
    public static async Task<TestCluster> StartAsync(
        TestDatabase database, string serviceId, string clusterId, short silos = 1, IReadOnlyDictionary<string, string>? settings = null)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = clusterId;
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[Settings.DatabaseKey] = database.Name;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.Properties[key] = value;
        }

        builder.AddSiloBuilderConfigurator<WabaSiloConfigurator>();
        builder.AddClientBuilderConfigurator<WabaClientConfigurator>();

        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync().WaitAsync(Settings.Timeout);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }
}

/// <summary>
/// Loses every poke an account sends its notifier (as a silo that dies right after committing would),
/// for the silos of a test that sets <see cref="Settings.LosePokesKey"/>.
/// </summary>
internal sealed class LostPokes : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context) =>
        context.InterfaceMethod?.Name == nameof(WabaActors.Grains.Notifications.IAccountNotifierGrain.PokeAsync) ? Task.CompletedTask : context.Invoke();
}
