using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WabaActors.Gateway.Dialog360;
using WabaActors.Grains.Gateway;

namespace WabaActors.Gateway.Tests.Support;

/// <summary>
/// The adapter as the host builds it (options from configuration, the HttpClient factory, the resilience
/// pipeline) pointed at a stub; its own service provider, so each test has its own circuit breaker.
/// Short timeouts and delays keep failures fast; nothing sleeps.
/// </summary>
public sealed class Adapter : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private Adapter(ServiceProvider services, Dialog360Stub stub)
    {
        _services = services;
        Stub = stub;
        Gateway = services.GetRequiredService<IWhatsAppGateway>();
    }

    public Dialog360Stub Stub { get; }

    public IWhatsAppGateway Gateway { get; }

    public LogLines Logs { get; } = new();

    public static async Task<Adapter> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var stub = await Dialog360Stub.StartAsync();
        var config = new Dictionary<string, string?>
        {
            ["WabaActors:Dialog360:BaseUrl"] = stub.BaseUrl,
            ["WabaActors:Dialog360:PartnerId"] = Dialog360Stub.PartnerId,
            ["WabaActors:Dialog360:PartnerKey"] = Dialog360Stub.PartnerKey,
            // Long enough that a request under load always reaches the stub (tests count them), short
            // enough that a hanging stub fails the attempt soon.
            ["WabaActors:Dialog360:AttemptTimeout"] = "00:00:02",
            ["WabaActors:Dialog360:TotalTimeout"] = "00:00:10",
            ["WabaActors:Dialog360:RetryDelay"] = "00:00:00.010",
            ["WabaActors:Dialog360:ReadRetries"] = "2",
            ["WabaActors:Dialog360:BreakerMinimumThroughput"] = "100",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var logs = new LogLines();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build())
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddDialog360Gateway()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var adapter = new Adapter(services, stub);
        adapter.Logs.Share(logs);
        await adapter.Gateway.GetChannelAsync("1000000000");
        return adapter;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Stub.DisposeAsync();
    }
}
