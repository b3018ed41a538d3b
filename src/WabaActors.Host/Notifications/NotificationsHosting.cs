using Microsoft.Extensions.DependencyInjection.Extensions;
using WabaActors.Grains.Notifications;
using WabaActors.Host.Reload;

namespace WabaActors.Host.Notifications;

public static class NotificationsHosting
{
    /// <summary>
    /// The HTTP sender of the account notifiers (ADR 0012). The client follows no redirect (a
    /// moved endpoint is a configuration to fix, not a hop to take with signed bodies) and has no
    /// timeout of its own: each attempt is limited by <c>WabaActors:Notifications:Timeout</c>. The
    /// factory's request logging is off: it would log the endpoint's whole URL, query included, where
    /// a receiver may keep a token; the notifier logs the host only.
    /// </summary>
    public static IServiceCollection AddWabaNotifications(this IServiceCollection services)
    {
        services.AddHttpClient(HttpNotificationSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .RemoveAllLoggers();
        services.AddLastGoodOptions<NotificationOptions>(NotificationOptions.Section, o => o.Enabled ? "enabled" : "disabled");
        services.TryAddSingleton<INotificationSender>(sp => new HttpNotificationSender(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<LastGoodOptions<NotificationOptions>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }
}
