using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WabaActors.Grains.Faults;

namespace WabaActors.Host.Hosting;

/// <summary>
/// The host's logger factory with Orleans' categories wrapped in <see cref="StorageFaultLogger"/>, so that
/// a database outage does not log a stack per failed grain activation (docs/operations.md, "Storage outages").
/// </summary>
internal sealed class StorageFaultLoggerFactory(ILoggerFactory inner, IServiceProvider services) : ILoggerFactory
{
    private FaultLog? _faults;

    /// <summary>Replaces the registered <see cref="ILoggerFactory"/> (the one <c>AddLogging</c> adds) with this wrapper around an identical one.</summary>
    public static void Register(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new StorageFaultLoggerFactory(
            new LoggerFactory(sp.GetServices<ILoggerProvider>(), sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
                sp.GetService<IOptions<LoggerFactoryOptions>>(), sp.GetService<IExternalScopeProvider>()),
            sp)));

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName.StartsWith("Orleans", StringComparison.Ordinal) ? new StorageFaultLogger(logger, Faults) : logger;
    }

    // Resolved on first use: the fault log itself logs through this factory.
    private FaultLog Faults() => _faults ??= services.GetRequiredService<FaultLog>();

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
