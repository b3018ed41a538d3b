using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace WabaActors.Api.Tests.Support;

/// <summary>
/// The host as api.md runs it (embedded default, simulated gateway) with the simulated clock on,
/// served by Kestrel on a free port so that body limits and concurrency are those of real HTTP.
/// The silo gets free ports too, so this host never clashes with another silo on the machine.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly bool _webhooks;

    /// <param name="webhooks">Configure Meta's app secret and verify token (<see cref="Webhooks"/>); false leaves webhooks unconfigured.</param>
    public ApiFactory(bool webhooks = true)
    {
        _webhooks = webhooks;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("WabaActors:Clock", "Simulated");
        builder.UseSetting("WabaActors:Gateway", "Simulated");
        if (_webhooks)
        {
            builder.UseSetting("WabaActors:Webhooks:AppSecret", Webhooks.AppSecret);
            builder.UseSetting("WabaActors:Webhooks:VerifyToken", Webhooks.VerifyToken);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        var siloPort = FreePort();
        var gatewayPort = FreePort();
        builder.ConfigureTestServices(services =>
        {
            services.Configure<EndpointOptions>(o => (o.SiloPort, o.GatewayPort) = (siloPort, gatewayPort));
            services.Configure<DevelopmentClusterMembershipOptions>(o => o.PrimarySiloEndpoint = new IPEndPoint(IPAddress.Loopback, siloPort));
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
