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
        services.AddLastGoodOptions<NotificationOptions>(NotificationOptions.Section, _ => "the signing secret applies from the next request", KeepsASecret);
        services.TryAddSingleton<INotificationSender>(sp => new HttpNotificationSender(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationOptions>>(),
            sp.GetRequiredService<LastGoodOptions<NotificationOptions>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }

    /// <summary>The reload rule: a host that signs keeps a usable secret (only the secret is read again; turning notifications off needs a restart).</summary>
    private static string? KeepsASecret(NotificationOptions last, NotificationOptions next) =>
        !string.IsNullOrEmpty(last.Secret) && (next.Secret is null || next.Secret.Length < NotificationOptionsValidator.MinimumSecretLength)
            ? $"{NotificationOptions.Section}:Secret must stay at least {NotificationOptionsValidator.MinimumSecretLength} characters while the host runs."
            : null;
}
