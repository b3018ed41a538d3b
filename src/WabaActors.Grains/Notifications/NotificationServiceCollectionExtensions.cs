using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WabaActors.Grains.Time;

namespace WabaActors.Grains.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>The options (validated at start) and the instruments; the host adds the <see cref="INotificationSender"/>.</summary>
    public static IServiceCollection AddWabaNotificationOptions(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>());
        services.TryAddSingleton(sp => new NotificationMetrics(
            sp.GetRequiredKeyedService<TimeProvider>(WabaClock.Key), sp.GetService<IMeterFactory>()));
        return services;
    }
}
