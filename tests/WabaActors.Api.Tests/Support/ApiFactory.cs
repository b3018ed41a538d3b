using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace WabaActors.Api.Tests.Support;

/// <summary>
/// The host as docs/api.md describes it (embedded default, simulated gateway) with the simulated clock on,
/// served by Kestrel on a free port so that body limits and concurrency are those of real HTTP.
/// The silo gets free ports too, so this host never clashes with another silo on the machine.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly bool _webhooks;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="settings">Configuration on top of the embedded default (API keys, rate limits).</param>
    /// <param name="webhooks">Configure Meta's app secret and verify token (<see cref="Webhooks"/>) and 360dialog's secret (<see cref="PartnerWebhooks"/>); false leaves webhooks unconfigured.</param>
    /// <param name="services">Test services on top of the host's (an in-memory span exporter, a log sink).</param>
    /// <param name="ports">The silo and gateway ports; free ones when null.</param>
    public ApiFactory(IReadOnlyDictionary<string, string?>? settings = null, bool webhooks = true, Action<IServiceCollection>? services = null,
        (int Silo, int Gateway)? ports = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _webhooks = webhooks;
        _services = services;
        (SiloPort, GatewayPort) = ports ?? (FreePort(), FreePort());
        UseKestrel(0);
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>Configuration the tests change while the host runs (a reload each time).</summary>
    public LiveSettings Live { get; } = new();

    /// <summary>Every line the host logs at Warning or above, and all of its own and the security middleware's.</summary>
    public LogSink Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("WabaActors:Clock", "Simulated");
        builder.UseSetting("WabaActors:Gateway", "Simulated");
        if (_webhooks)
        {
            builder.UseSetting("WabaActors:Webhooks:AppSecret", Webhooks.AppSecret);
            builder.UseSetting("WabaActors:Webhooks:VerifyToken", Webhooks.VerifyToken);
            builder.UseSetting("WabaActors:Webhooks:Dialog360Secret", PartnerWebhooks.Secret);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(c => c.Add(Live));

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            .AddProvider(Logs)
            .AddFilter<LogSink>("WabaActors", LogLevel.Trace)
            .AddFilter<LogSink>("Microsoft.AspNetCore.Authentication", LogLevel.Trace)
            .AddFilter<LogSink>("Microsoft.AspNetCore.Authorization", LogLevel.Trace)
            .AddFilter<LogSink>("Microsoft.AspNetCore.RateLimiting", LogLevel.Trace)
            .AddFilter<LogSink>("System.Net.Http.HttpClient", LogLevel.Trace));
        var (siloPort, gatewayPort) = (SiloPort, GatewayPort);
        builder.ConfigureTestServices(services =>
        {
            services.Configure<EndpointOptions>(o => (o.SiloPort, o.GatewayPort) = (siloPort, gatewayPort));
            services.Configure<DevelopmentClusterMembershipOptions>(o => o.PrimarySiloEndpoint = new IPEndPoint(IPAddress.Loopback, siloPort));
            _services?.Invoke(services);
        });
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
