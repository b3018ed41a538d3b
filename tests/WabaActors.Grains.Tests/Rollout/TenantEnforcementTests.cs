using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WabaActors.Domain.Messaging;
using WabaActors.Grains.Rollout;

namespace WabaActors.Grains.Tests.Rollout;

/// <summary>
/// docs/configuration.md "Enforcement": each tenant's mode as configured, read again on every configuration change
/// (no restart), and a change the validator or the binder refuses leaves the last good modes (its log: ShadowModeTests).
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
    }

    [Theory]
    [InlineData("Tenants:Globex", "Shadow")]
    [InlineData("Tenants:globex", "7")]
    [InlineData("Tenants:globex", "observe")]
    [InlineData("Default", "observe")]
    public void ARefusedChangeKeepsTheLastGoodModes(string key, string value)
    {
        using var services = Services(new() { [Tenants + "acme"] = "Shadow" });
        var modes = services.GetRequiredService<TenantEnforcement>();

        Reload(services, "WabaActors:Enforcement:" + key, value);

        Assert.Equal((Enforcement.Shadow, Enforcement.Enforce), (modes.For("acme"), modes.For("globex")));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
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
}
