using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>The settings a deployment uses (docs/operations.md): the shutdown budget and Kubernetes hosting.</summary>
public class DeploymentOptionsTests
{
    [Fact]
    public async Task ShutdownTimeoutSetsTheHostsStopBudget()
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?> { ["WabaActors:ShutdownTimeout"] = "00:00:45" });

        var host = factory.Services.GetRequiredService<IOptions<HostOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(45), host.ShutdownTimeout);
    }

    [Fact]
    public async Task ShutdownTimeoutDefaultsToThirtySeconds()
    {
        await using var factory = new ApiFactory();

        Assert.Equal(TimeSpan.FromSeconds(30), factory.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Theory]
    [InlineData("WabaActors:ShutdownTimeout", "00:00:00", "WabaActors:ShutdownTimeout")]
    [InlineData("WabaActors:ShutdownTimeout", "02:00:00", "WabaActors:ShutdownTimeout")]
    [InlineData("WabaActors:Cluster:Kubernetes", "true", "WabaActors:Cluster:Kubernetes")]
    public async Task UnusableDeploymentOptionStopsTheHostNamingIt(string key, string value, string named)
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<InvalidOperationException>(factory.StartServer);

        Assert.Contains(named, Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException all ? string.Join('\n', all.InnerExceptions.Select(Flatten)) : error.Message + (error.InnerException is { } inner ? "\n" + Flatten(inner) : "");
}
