using Microsoft.Extensions.Options;

namespace WabaActors.Host.Webhooks;

public static class WebhookHosting
{
    /// <summary>Meta's and 360dialog's webhook settings and the mappers that apply deliveries to the grains.</summary>
    public static IServiceCollection AddWabaWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<MessagesApplier>();
        services.AddSingleton<WebhookApplier>();
        services.AddSingleton<PartnerWebhookApplier>();
        return services;
    }
}
