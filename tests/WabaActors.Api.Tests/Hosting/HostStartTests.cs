using Microsoft.Extensions.Options;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>Unusable security and dashboard options stop the host at start with a message naming the option.</summary>
public class HostStartTests
{
    [Theory]
    [InlineData("Auth:ApiKeys:1:Key", "short", "Auth:ApiKeys:1:Key")]
    [InlineData("Auth:ApiKeys:1:Tenant", "Not A Tenant", "Auth:ApiKeys:1:Tenant")]
    [InlineData("WabaActors:RateLimit:PermitsPerPeriod", "-1", "WabaActors:RateLimit:PermitsPerPeriod")]
    [InlineData("WabaActors:RateLimit:Burst", "2", "WabaActors:RateLimit:Burst")]
    [InlineData("WabaActors:Dashboard:Path", "/v1/dashboard", "WabaActors:Dashboard:Path")]
    [InlineData("WabaActors:Dashboard:Path", "dashboard", "WabaActors:Dashboard:Path")]
    public async Task BadOptionStopsTheHostNamingIt(string key, string value, string named)
    {
        var settings = Keys.Settings();
        settings["WabaActors:RateLimit:PermitsPerPeriod"] = "5";
        settings[key] = value;
        await using var factory = new ApiFactory(settings);

        var error = Assert.Throws<OptionsValidationException>(factory.StartServer);

        Assert.Contains(named, Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException all ? string.Join('\n', all.InnerExceptions.Select(Flatten)) : error.Message + (error.InnerException is { } inner ? "\n" + Flatten(inner) : "");
}
