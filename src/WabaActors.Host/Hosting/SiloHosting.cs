using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Npgsql;
using WabaActors.Storage.PostgreSql;
using Orleans.Configuration;
using Orleans.Reminders;
using WabaActors.Domain.Rules;
using WabaActors.Gateway.Dialog360;
using WabaActors.Grains;
using WabaActors.Grains.Storage;
using WabaActors.Grains.Time;
using WabaActors.Host.Notifications;

namespace WabaActors.Host.Hosting;

/// <summary>The silo: rules, clock, storage and reminders chosen by configuration (docs/configuration.md, docs/operations.md).</summary>
public static class SiloHosting
{
    public static WebApplicationBuilder AddWabaSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(WabaOptions.Section).Get<WabaOptions>() ?? new WabaOptions();
        var services = builder.Services;
        services.AddOptions<WabaOptions>().BindConfiguration(WabaOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WabaOptions>, WabaOptionsValidator>();
        services.AddOptions<RulesOptions>().BindConfiguration(RulesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RulesOptions>, RulesOptionsValidator>();
        services.AddOptions<PacingOptions>().BindConfiguration(PacingOptions.Section);
        services.AddOptions<TemplatesOptions>().BindConfiguration(TemplatesOptions.Section);
        services.AddOptions<PricingOptions>().BindConfiguration(PricingOptions.Section);
        services.AddSingleton(sp => RulesOptionsValidator.Rules(sp.GetRequiredService<IOptions<RulesOptions>>().Value,
            sp.GetRequiredService<IOptions<PacingOptions>>().Value, sp.GetRequiredService<IOptions<TemplatesOptions>>().Value,
            sp.GetRequiredService<IOptions<PricingOptions>>().Value));
        services.AddWabaClock(options.Clock);
        if (options.ShutdownTimeout < TimeSpan.FromSeconds(1) || options.ShutdownTimeout > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException(
                $"{WabaOptions.Section}:ShutdownTimeout must be between 00:00:01 and 01:00:00 (was {options.ShutdownTimeout}).");
        }

        services.AddOptions<HostOptions>().Configure<IOptions<WabaOptions>>((host, waba) => host.ShutdownTimeout = waba.Value.ShutdownTimeout);

        if (options.Cluster.Kubernetes && options.Storage != StorageKind.PostgreSql)
        {
            throw new InvalidOperationException(
                $"{WabaOptions.Section}:Cluster:Kubernetes=true needs {WabaOptions.Section}:Storage=PostgreSql (membership in PostgreSQL).");
        }

        var npgsqlLogs = new DeferredLoggerFactory();
        var dataSource = options.Storage == StorageKind.PostgreSql ? PostgreSqlDataSource(builder, npgsqlLogs) : null;
        if (dataSource is not null)
        {
            // Npgsql's own logs (connection errors, slow commands at Debug) join the host's logging once it starts.
            services.AddSingleton(npgsqlLogs);
            services.AddHostedService<DeferredLoggerFactory.AttachOnStart>();
            services.AddSingleton(dataSource);
            services.AddPostgreSqlWabaStores();
            services.AddSingleton<Api.PostgreSqlReadyCheck>();   // one instance: its cached probe answers every request
            services.AddHealthChecks().AddCheck<Api.PostgreSqlReadyCheck>("postgresql", tags: ["ready"]);
        }

        StorageFaultLoggerFactory.Register(services);

        if (options.Gateway == GatewayKind.Dialog360)
        {
            services.AddDialog360Gateway();   // before the grain services, whose default is the simulator
        }

        services.AddWabaGrainServices();
        services.AddWabaNotifications();

        // A taken silo or gateway port stops the host at start, before Orleans listens.
        SiloPortCheck.Add(services);
        services.PostConfigure<EndpointOptions>(o => ListenOn(o, options.Cluster));
        builder.UseOrleans(silo =>
        {
            var cluster = options.Cluster;
            silo.Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
            if (dataSource is null)
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                silo.AddMemoryGrainStorage(StorageNames.Grains);
                silo.UseInMemoryReminderService();
                return;
            }

            if (cluster.Kubernetes)
            {
                // Silo name = POD_NAME, advertised address = POD_IP (unless configured), listening on any
                // address; the pods of this cluster are watched so a deleted pod's silo is declared dead at once.
                silo.Configure<EndpointOptions>(o =>
                {
                    (o.SiloPort, o.GatewayPort) = (cluster.SiloPort, cluster.GatewayPort);
                    if (cluster.AdvertisedAddress is not null)
                    {
                        o.AdvertisedIPAddress = AdvertisedAddress(cluster);
                    }
                });
                silo.UseKubernetesHosting();
            }
            else
            {
                silo.ConfigureEndpoints(AdvertisedAddress(cluster), cluster.SiloPort, cluster.GatewayPort);
            }

            silo.AddPostgreSqlSchemaMigration(dataSource);
            silo.UsePostgreSqlClustering(dataSource);
            silo.AddPostgreSqlGrainStorage(StorageNames.Grains, dataSource);
            silo.UsePostgreSqlReminderService(dataSource);
        });
        return builder;
    }

    private static NpgsqlDataSource PostgreSqlDataSource(WebApplicationBuilder builder, ILoggerFactory logs)
    {
        var connectionString = builder.Configuration.GetConnectionString("WabaActors");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{WabaOptions.Section}:Storage=PostgreSql needs ConnectionStrings:WabaActors (env ConnectionStrings__WabaActors).");
        }

        var dataSource = new NpgsqlDataSourceBuilder(connectionString) { Name = "WabaActors" };
        if (dataSource.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            // The hot statements are few and repeated: prepared once per connection, they skip the
            // parse and plan on every commit (measured: ×2.3 group-commit throughput, ADR 0003).
            dataSource.ConnectionStringBuilder.MaxAutoPrepare = 32;
            dataSource.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        return dataSource.UseLoggerFactory(logs).Build();
    }

    /// <summary>
    /// Where the silo and gateway listen (after every other configuration, so the final ports count):
    /// <see cref="ClusterOptions.ListenAddress"/> when set; else the advertised address when it is loopback
    /// (local modes never listen beyond this machine), else every interface. On Kubernetes, unless set,
    /// Orleans' Kubernetes hosting decides (every interface).
    /// </summary>
    private static void ListenOn(EndpointOptions o, ClusterOptions cluster)
    {
        IPAddress listen;
        if (cluster.ListenAddress is { } configured && IPAddress.TryParse(configured, out var ip))
        {
            listen = ip;
        }
        else if (cluster.Kubernetes)
        {
            return;
        }
        else
        {
            listen = o.AdvertisedIPAddress is { } advertised && IPAddress.IsLoopback(advertised) ? advertised : IPAddress.Any;
        }

        o.SiloListeningEndpoint = new IPEndPoint(listen, o.SiloPort);
        o.GatewayListeningEndpoint = o.GatewayPort > 0 ? new IPEndPoint(listen, o.GatewayPort) : null;
    }

    private static IPAddress AdvertisedAddress(ClusterOptions cluster)
    {
        if (cluster.AdvertisedAddress is { } configured)
        {
            return IPAddress.TryParse(configured, out var ip)
                ? ip
                : throw new InvalidOperationException($"{WabaOptions.Section}:Cluster:AdvertisedAddress '{configured}' is not an IP address.");
        }

        return Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? IPAddress.Loopback;
    }

    /// <summary>One clock for the rules and the reminders: the system's, or the simulated one.</summary>
    public static IServiceCollection AddWabaClock(this IServiceCollection services, ClockKind kind)
    {
        TimeProvider clock = kind == ClockKind.Simulated ? new SimulatedClock() : TimeProvider.System;
        if (clock is SimulatedClock simulated)
        {
            services.AddSingleton(simulated);

            // After a jump, a reminder ticks at its next period on the simulated clock, which then runs
            // in real time: short periods make overdue events follow an advance within seconds.
            services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            services.Configure<GrainOptions>(o => o.ReminderPeriod = TimeSpan.FromSeconds(2));
        }

        services.AddKeyedSingleton(WabaClock.Key, clock);
        services.AddKeyedSingleton(ReminderTimeProviderNames.Reminders, clock);
        return services;
    }
}
