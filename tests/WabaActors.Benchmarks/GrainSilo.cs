using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Reminders;
using WabaActors.Domain.Rules;
using WabaActors.Grains;
using WabaActors.Grains.Storage;
using WabaActors.Grains.Time;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Benchmarks;

/// <summary>
/// A silo hosted in this process the way the host wires it (SiloHosting): the rules, the system
/// clock for the rules and the reminders, the grains' services; memory grain storage and reminders
/// with localhost clustering, or everything on PostgreSQL. Callers use the co-hosted
/// <see cref="Grains"/>: no gateway, no network. Logging shows warnings and errors only.
/// </summary>
public sealed class GrainSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private GrainSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IManagementGrain Management => Grains.GetGrain<IManagementGrain>(0);

    /// <summary>The embedded wiring: localhost clustering, memory grain storage and reminders, in-memory stores unless <paramref name="services"/> registers others.</summary>
    public static Task<GrainSilo> StartInMemoryAsync(WabaRules rules, Action<IServiceCollection>? services = null) =>
        StartAsync(rules, services, silo =>
        {
            silo.UseLocalhostClustering(FreePort(), FreePort(), serviceId: "waba-bench", clusterId: $"bench-{Guid.NewGuid():N}");
            silo.AddMemoryGrainStorage(StorageNames.Grains);
            silo.UseInMemoryReminderService();
        });

    /// <summary>The PostgreSQL wiring (a migrated database): clustering, grain storage, reminders and the group-committed stores.</summary>
    public static Task<GrainSilo> StartPostgreSqlAsync(WabaRules rules, NpgsqlDataSource dataSource) =>
        StartAsync(rules, s => s.AddSingleton(dataSource).AddPostgreSqlWabaStores(), silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ($"bench-{Guid.NewGuid():N}", "waba-bench"));
            silo.ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort());
            silo.UsePostgreSqlClustering(dataSource);
            silo.AddPostgreSqlGrainStorage(StorageNames.Grains, dataSource);
            silo.UsePostgreSqlReminderService(dataSource);
        });

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static async Task<GrainSilo> StartAsync(WabaRules rules, Action<IServiceCollection>? services, Action<ISiloBuilder> storage)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(rules);
        builder.Services.AddKeyedSingleton(WabaClock.Key, TimeProvider.System);
        builder.Services.AddKeyedSingleton(ReminderTimeProviderNames.Reminders, TimeProvider.System);
        services?.Invoke(builder.Services);
        builder.Services.AddWabaGrainServices();
        builder.UseOrleans(storage);
        var host = builder.Build();
        await host.StartAsync();
        return new GrainSilo(host);
    }

    /// <summary>A port free now (tests may run silos on this machine at the same time).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
