using System.Net;
using System.Net.NetworkInformation;
using WabaActors.Durability.Tests.Support;

namespace WabaActors.Durability.Tests;

/// <summary>
/// The real host in PostgreSQL mode (docs/operations.md "Ports"): advertised on 127.0.0.1 it listens on
/// loopback only (<c>ListenAddress=0.0.0.0</c> opens every interface), and a second host on the same
/// silo and gateway ports stops at start with the port and the setting to change, with a non-zero exit code.
/// </summary>
public sealed class SiloPorts
{
    [Fact]
    public async Task AdvertisedOnLoopbackTheSiloAndGatewayListenOnLoopbackOnly()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (silo, gateway) = (HostProcess.FreePort(), HostProcess.FreePort());
        await using var host = await HostProcess.StartAsync("host-1", db.ConnectionString, HostProcess.FreePort(), silo, gateway);

        foreach (var port in new[] { silo, gateway })
        {
            var bound = Listeners(port);
            Assert.NotEmpty(bound);
            Assert.All(bound, e => Assert.True(IPAddress.IsLoopback(e.Address), $"port {port} listens on {e}\n{host.Output}"));
        }
    }

    [Fact]
    public async Task ListenAddressAnyListensOnEveryInterface()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (silo, gateway) = (HostProcess.FreePort(), HostProcess.FreePort());
        await using var host = await HostProcess.StartAsync("host-1", db.ConnectionString, HostProcess.FreePort(), silo, gateway,
            new Dictionary<string, string> { ["WabaActors__Cluster__ListenAddress"] = "0.0.0.0" });

        Assert.Contains(Listeners(silo), e => e.Address.Equals(IPAddress.Any));
        Assert.Contains(Listeners(gateway), e => e.Address.Equals(IPAddress.Any));
    }

    [Fact]
    public async Task SecondHostOnTheSamePortsStopsAtStartWithTheSettingToChange()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (silo, gateway) = (HostProcess.FreePort(), HostProcess.FreePort());
        await using var first = await HostProcess.StartAsync("host-1", db.ConnectionString, HostProcess.FreePort(), silo, gateway);

        var (exitCode, output) = await HostProcess.RunToExitAsync("host-2", db.ConnectionString, HostProcess.FreePort(), silo, gateway);

        Assert.True(exitCode != 0, $"exit code {exitCode}\n{output}");
        Assert.Contains($"The Orleans silo port {silo} (127.0.0.1:{silo}) is already in use", output, StringComparison.Ordinal);
        Assert.Contains("set WabaActors:Cluster:SiloPort to a free port", output, StringComparison.Ordinal);

        // The first host was left alone: still ready, and still the only silo of the cluster.
        using var ready = await first.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.False(first.HasExited);
    }

    private static IPEndPoint[] Listeners(int port) =>
        [.. IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Where(e => e.Port == port)];
}
