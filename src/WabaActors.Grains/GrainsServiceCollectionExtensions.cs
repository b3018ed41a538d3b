using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using Orleans.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WabaActors.Grains.Faults;
using WabaActors.Grains.Gateway;
using WabaActors.Grains.Notifications;
using WabaActors.Grains.Rollout;
using WabaActors.Grains.Storage;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// What the grains need besides the clock (keyed <see cref="Time.WabaClock.Key"/>) and the rules:
    /// domain types serialized as JSON, and the embedded default stores and gateway unless the host
    /// registered others first.
    /// </summary>
    public static IServiceCollection AddWabaGrainServices(this IServiceCollection services)
    {
        services.AddSerializer(s => s.AddJsonSerializer(
            isSupported: t => t.Namespace?.StartsWith("WabaActors.Domain", StringComparison.Ordinal) == true));

        // Npgsql's exceptions cross a grain call as themselves (type, message, inner exceptions), not as
        // Orleans' stand-in: a PostgreSQL refusal raised on one silo is still classified on the caller's
        // (StorageFault reads a server error's state from its message), so it answers 503, not 500 (ADR 0024).
        services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));

        // The grains' state holds domain records whose lists are compiler-made collection types; the
        // default (Newtonsoft, $type names) writes those names and then refuses to read them back, so a
        // grain with numbers could not reactivate. System.Text.Json writes them by their declared type.
        services.TryAddKeyedSingleton<IGrainStorageSerializer, SystemTextJsonGrainStorageSerializer>(StorageNames.Grains);
        services.AddOptions<GrainOptions>().BindConfiguration(GrainOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddWabaEnforcement();
        services.AddOptions<WebhookDedupeOptions>().BindConfiguration(WebhookDedupeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new GrainMetrics(sp.GetService<IMeterFactory>()));
        services.AddOptions<FaultOptions>().BindConfiguration(FaultOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new FaultLog(
            sp.GetRequiredService<ILogger<FaultLog>>(), sp.GetRequiredService<IOptions<FaultOptions>>(), sp.GetService<IMeterFactory>()));
        services.AddWabaNotificationOptions();
        services.TryAddSingleton<IMessagingStore, InMemoryMessagingStore>();
        services.TryAddSingleton<IHistoryStore, InMemoryHistoryStore>();
        services.TryAddSingleton<IWhatsAppGateway, SimulatedWhatsAppGateway>();
        return services;
    }
}
