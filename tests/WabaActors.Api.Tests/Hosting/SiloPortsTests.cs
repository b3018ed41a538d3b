using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using WabaActors.Api.Tests.Support;
using WabaActors.Host.Hosting;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/operations.md "Ports": the embedded silo and gateway listen on loopback only, and a silo or
/// gateway port already taken stops the host at start, logging the port and the setting to change.
/// </summary>
public class SiloPortsTests
{
    [Fact]
    public async Task EmbeddedSiloAndGatewayListenOnLoopbackOnly()
    {
        await using var factory = new ApiFactory();
        factory.StartServer();

        foreach (var port in new[] { factory.SiloPort, factory.GatewayPort })
        {
            var bound = Listeners(port);
            Assert.NotEmpty(bound);
            Assert.All(bound, endpoint => Assert.True(IPAddress.IsLoopback(endpoint.Address), $"port {port} listens on {endpoint}"));
        }
    }

    [Fact]
    public async Task SecondHostOnTheSamePortsStopsAtStartNamingThePortAndTheSetting()
    {
        await using var first = new ApiFactory();
        first.StartServer();
        await using var second = new ApiFactory(ports: (first.SiloPort, first.GatewayPort));

        var error = Assert.Throws<OptionsValidationException>(second.StartServer);

        Assert.Contains($"silo port {first.SiloPort}", error.Message, StringComparison.Ordinal);
        Assert.Contains("WabaActors:Cluster:SiloPort", error.Message, StringComparison.Ordinal);
        Assert.Contains(second.Logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal) && l.Contains("[102]", StringComparison.Ordinal)
            && l.Contains($"port {first.SiloPort}", StringComparison.Ordinal) && l.Contains("WabaActors:Cluster:SiloPort", StringComparison.Ordinal));

        // The first host still answers: nothing of the second one started.
        using var client = first.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task GatewayPortTakenByAnotherProcessStopsTheHostNamingTheSetting()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var factory = new ApiFactory(ports: (ApiFactory.FreePort(), port));

        var error = Assert.Throws<OptionsValidationException>(factory.StartServer);

        Assert.Contains($"gateway port {port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("WabaActors:Cluster:GatewayPort", error.Message, StringComparison.Ordinal);
        Assert.Contains(factory.Logs.Lines, l => l.Contains("[102]", StringComparison.Ordinal) && l.Contains("WabaActors:Cluster:GatewayPort", StringComparison.Ordinal));
    }

    [Fact]
    public void ListenAddressOtherThanLoopbackOrAnyIsRefusedWhenTheAdvertisedAddressIsLoopback()
    {
        var options = new WabaOptions { Cluster = { AdvertisedAddress = "127.0.0.1", ListenAddress = "192.0.2.10" } };

        var result = new WabaOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("WabaActors:Cluster:ListenAddress", result.FailureMessage, StringComparison.Ordinal);
        Assert.False(new WabaOptionsValidator().Validate(null, new WabaOptions { Cluster = { AdvertisedAddress = "127.0.0.1", ListenAddress = "0.0.0.0" } }).Failed);
    }

    /// <summary>The endpoints some socket on this machine listens on at <paramref name="port"/> (what the kernel reports).</summary>
    private static IPEndPoint[] Listeners(int port) =>
        [.. IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Where(e => e.Port == port)];
}
