using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WabaActors.Domain.Messaging;
using WabaActors.Grains.Rollout;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Rollout;

/// <summary>
/// docs/configuration.md "Enforcement": each tenant's mode as configured, read again on every configuration change
/// (no restart), and a change the validator or the binder refuses logged while the last good modes stay.
/// </summary>
public class TenantEnforcementTests
{
    private const string Tenants = "WabaActors:Enforcement:Tenants:";

    [Fact]
    public void EveryTenantIsEnforcedUnlessConfiguredOtherwise()
    {
        using var services = Services(new());

        Assert.Equal(Enforcement.Enforce, services.GetRequiredService<TenantEnforcement>().For("acme"));
    }

    [Fact]
    public void ANamedTenantTakesItsOwnModeAndTheOthersTheDefault()
    {
        using var services = Services(new() { ["WabaActors:Enforcement:Default"] = "shadow", [Tenants + "acme"] = "Enforce" });
        var modes = services.GetRequiredService<TenantEnforcement>();

        Assert.Equal((Enforcement.Enforce, Enforcement.Shadow), (modes.For("acme"), modes.For("globex")));
    }

    [Fact]
    public void AChangedConfigurationTakesEffectWithoutARestart()
    {
        var settings = new Dictionary<string, string?>();
        using var services = Services(settings);
        var modes = services.GetRequiredService<TenantEnforcement>();

        Reload(services, Tenants + "acme", "Shadow");
        var shadowed = modes.For("acme");
        Reload(services, Tenants + "acme", "Enforce");

        Assert.Equal((Enforcement.Shadow, Enforcement.Enforce), (shadowed, modes.For("acme")));
        Assert.Contains(Lines(services), l => l.StartsWith("Information [500]", StringComparison.Ordinal) && l.Contains("in shadow: acme", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Tenants:Globex", "Shadow", "WabaActors:Enforcement:Tenants:Globex")]
    [InlineData("Tenants:globex", "7", "WabaActors:Enforcement:Tenants:globex")]
    [InlineData("Tenants:globex", "observe", "WabaActors:Enforcement:Tenants:globex")]
    [InlineData("Default", "observe", "WabaActors:Enforcement:Default")]
    public void ARefusedChangeKeepsTheLastGoodModesAndIsLoggedNamingItsKey(string key, string value, string named)
    {
        using var services = Services(new() { [Tenants + "acme"] = "Shadow" });
        var modes = services.GetRequiredService<TenantEnforcement>();

        Reload(services, "WabaActors:Enforcement:" + key, value);

        Assert.Equal((Enforcement.Shadow, Enforcement.Enforce), (modes.For("acme"), modes.For("globex")));
        Assert.Contains(Lines(services), l => l.StartsWith("Warning [501]", StringComparison.Ordinal) && l.Contains(named, StringComparison.Ordinal));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var lines = new LogLines();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(lines)
            .AddLogging(l => l.AddProvider(lines))
            .AddWabaEnforcement()
            .BuildServiceProvider();
    }

    /// <summary>Sets a key and reloads, as an edited appsettings.json or ConfigMap does.</summary>
    private static void Reload(ServiceProvider services, string key, string value)
    {
        var configuration = (IConfigurationRoot)services.GetRequiredService<IConfiguration>();
        configuration[key] = value;
        configuration.Reload();
    }

    private static IReadOnlyCollection<string> Lines(ServiceProvider services) => services.GetRequiredService<LogLines>().Lines;
}
