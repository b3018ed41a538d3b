using Microsoft.Extensions.Options;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>docs/configuration.md: every options class is checked at start; a bad value stops the host naming its key.</summary>
public class OptionsValidationTests
{
    /// <summary>A database that is never reached: validation stops the host before anything connects.</summary>
    private const string UnreachableDatabase = "Host=127.0.0.1;Port=1;Username=none;Password=none;Database=none;Timeout=1";

    [Theory]
    // WabaOptions
    [InlineData("WabaActors:Cluster:SiloPort", "70000", "WabaActors:Cluster:SiloPort")]
    [InlineData("WabaActors:Cluster:ClusterId", " ", "WabaActors:Cluster:ClusterId")]
    [InlineData("WabaActors:Cluster:AdvertisedAddress", "not-an-ip", "WabaActors:Cluster:AdvertisedAddress")]
    [InlineData("WabaActors:Cluster:ListenAddress", "every-interface", "WabaActors:Cluster:ListenAddress")]
    // RulesOptions
    [InlineData("WabaActors:Rules:Profile", "strict", "WabaActors:Rules:Profile")]
    [InlineData("WabaActors:Rules:ServiceWindow", "-01:00:00", "WabaActors:Rules:ServiceWindow")]
    [InlineData("WabaActors:Rules:TemplateRecipientLimit", "5000", "WabaActors:Rules:TemplateRecipientLimit")]
    // GrainOptions
    [InlineData("WabaActors:Grains:GateRefresh", "00:00:00", "WabaActors:Grains:GateRefresh")]
    [InlineData("WabaActors:Grains:ReminderPeriod", "02:00:00", "WabaActors:Grains:ReminderPeriod")]
    // WebhookDedupeOptions and WebhookOptions
    [InlineData("WabaActors:Webhooks:DedupeCapacity", "0", "WabaActors:Webhooks:DedupeCapacity")]
    [InlineData("WabaActors:Webhooks:DedupeRetention", "00:00:10", "WabaActors:Webhooks:DedupeRetention")]
    [InlineData("WabaActors:Webhooks:AppSecret", "two words", "WabaActors:Webhooks:AppSecret")]
    [InlineData("WabaActors:Webhooks:VerifyToken", "tab\there", "WabaActors:Webhooks:VerifyToken")]
    [InlineData("WabaActors:Webhooks:Dialog360Secret", "two words", "WabaActors:Webhooks:Dialog360Secret")]
    [InlineData("WabaActors:Webhooks:AppSecretPrevious", "two words", "WabaActors:Webhooks:AppSecretPrevious")]
    [InlineData("WabaActors:Webhooks:VerifyTokenPrevious", "tab\there", "WabaActors:Webhooks:VerifyTokenPrevious")]
    [InlineData("WabaActors:Webhooks:Dialog360SecretPrevious", "two words", "WabaActors:Webhooks:Dialog360SecretPrevious")]
    // ApiKeyOptions
    [InlineData("Auth:ApiKeys:0:Key", "short", "Auth:ApiKeys:0:Key")]
    [InlineData("Auth:ApiKeys:0:Name", "Not A Name", "Auth:ApiKeys:0:Name")]
    // RateLimitOptions
    [InlineData("WabaActors:RateLimit:Period", "00:00:00", "WabaActors:RateLimit:Period")]
    // TelemetryOptions
    [InlineData("WabaActors:Telemetry:TraceSampleRatio", "2", "WabaActors:Telemetry:TraceSampleRatio")]
    [InlineData("WabaActors:Telemetry:ServiceName", "no spaces please", "WabaActors:Telemetry:ServiceName")]
    [InlineData("WabaActors:Telemetry:MetricsPath", "/v1/metrics", "WabaActors:Telemetry:MetricsPath")]
    [InlineData("WabaActors:Telemetry:OtlpEndpoint", "ftp://collector", "WabaActors:Telemetry:OtlpEndpoint")]
    // LogOptions
    // EnforcementOptions
    [InlineData("WabaActors:Enforcement:Tenants:Acme", "Shadow", "WabaActors:Enforcement:Tenants:Acme")]
    [InlineData("WabaActors:Enforcement:Default", "7", "WabaActors:Enforcement:Default")]
    [InlineData("WabaActors:Enforcement:Tenants:acme", "observe", "WabaActors:Enforcement:Tenants:acme")]
    // NotificationOptions (ranges are checked even while disabled)
    [InlineData("WabaActors:Notifications:BatchSize", "0", "WabaActors:Notifications:BatchSize")]
    [InlineData("WabaActors:Notifications:Timeout", "00:30:00", "WabaActors:Notifications:Timeout")]
    [InlineData("WabaActors:Notifications:BackoffMultiplier", "0.5", "WabaActors:Notifications:BackoffMultiplier")]
    [InlineData("WabaActors:Notifications:Enabled", "true", "WabaActors:Notifications:Endpoint")]
    public async Task BadValueStopsTheHostNamingItsKey(string key, string value, string named)
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?> { [key] = value });

        Assert.Contains(named, StartFailure(factory), StringComparison.Ordinal);
    }

    /// <summary>A value the configuration binder cannot read as the option's type (a bool, an enum) stops the host before validation.</summary>
    [Theory]
    [InlineData("WabaActors:Storage", "Floppy", "WabaActors:Storage")]
    [InlineData("WabaActors:Telemetry:Enabled", "perhaps", "WabaActors:Telemetry:Enabled")]
    [InlineData("WabaActors:Logging:Json", "perhaps", "WabaActors:Logging:Json")]
    [InlineData("WabaActors:Enforcement:Default", "observe", "WabaActors:Enforcement:Default")]
    public async Task UnreadableValueStopsTheHostNamingItsKey(string key, string value, string named)
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?> { [key] = value });

        Assert.Contains(named, UnreadableFailure(factory), StringComparison.Ordinal);
    }

    [Theory]
    // GroupCommitOptions and PruneOptions exist only on PostgreSQL.
    [InlineData("WabaActors:GroupCommit:MaxBatchSize", "0", "WabaActors:GroupCommit:MaxBatchSize must be between 1 and 10000")]
    [InlineData("WabaActors:GroupCommit:Writers", "65", "WabaActors:GroupCommit:Writers")]
    [InlineData("WabaActors:GroupCommit:ConnectionIdleLimit", "00:00:00", "WabaActors:GroupCommit:ConnectionIdleLimit")]
    [InlineData("WabaActors:Prune:Interval", "00:00:00", "WabaActors:Prune:Interval")]
    [InlineData("WabaActors:Prune:ChunkSize", "1", "WabaActors:Prune:ChunkSize")]
    public async Task BadPostgreSqlValueStopsTheHostNamingItsKey(string key, string value, string named)
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?>
        {
            ["WabaActors:Storage"] = "PostgreSql",
            ["ConnectionStrings:WabaActors"] = UnreachableDatabase,
            [key] = value,
        });

        Assert.Contains(named, StartFailure(factory), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDefaultsStart()
    {
        await using var factory = new ApiFactory();

        Assert.Null(Record.Exception(factory.StartServer));
    }

    [Fact]
    public async Task Dialog360WithoutThePartnerKeyStopsTheHostNamingTheKey()
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?>
        {
            ["WabaActors:Gateway"] = "Dialog360",
            ["WabaActors:Dialog360:PartnerId"] = "abcPA",
        });

        Assert.Contains("WabaActors:Dialog360:PartnerKey is required", StartFailure(factory), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownGatewayStopsTheHostNamingTheChoices()
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?> { ["WabaActors:Gateway"] = "Carrier pigeon" });

        Assert.Contains("WabaActors:Gateway", UnreadableFailure(factory), StringComparison.Ordinal);
    }

    /// <summary>The start fails validation: every failed options class reports its keys.</summary>
    private static string StartFailure(ApiFactory factory) =>
        Flatten(Assert.Throws<OptionsValidationException>(factory.StartServer));

    /// <summary>The start fails binding: the binder names the key and the value it could not convert.</summary>
    private static string UnreadableFailure(ApiFactory factory)
    {
        var error = Assert.Throws<InvalidOperationException>(factory.StartServer);
        Assert.IsType<FormatException>(error.InnerException);
        return Flatten(error);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException all ? string.Join('\n', all.InnerExceptions.Select(Flatten)) : error.Message + (error.InnerException is { } inner ? "\n" + Flatten(inner) : "");
}
