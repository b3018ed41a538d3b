using Microsoft.Extensions.Options;
using WabaActors.Host.Reload;

namespace WabaActors.Host.Webhooks;

public static class WebhookHosting
{
    /// <summary>Meta's and 360dialog's webhook settings and the mappers that apply deliveries to the grains.</summary>
    public static IServiceCollection AddWabaWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddLastGoodOptions<WebhookOptions>(WebhookOptions.Section, Describe);
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<MessagesApplier>();
        services.AddSingleton<WebhookApplier>();
        services.AddSingleton<PartnerWebhookApplier>();
        return services;
    }

    /// <summary>The reload's log line: which secrets are set, never a value.</summary>
    private static string Describe(WebhookOptions o)
    {
        string[] set = [.. new (string Name, string? Value)[]
        {
            ("AppSecret", o.AppSecret), ("AppSecretPrevious", o.AppSecretPrevious), ("VerifyToken", o.VerifyToken),
            ("VerifyTokenPrevious", o.VerifyTokenPrevious), ("Dialog360Secret", o.Dialog360Secret), ("Dialog360SecretPrevious", o.Dialog360SecretPrevious),
        }.Where(s => !string.IsNullOrEmpty(s.Value)).Select(s => s.Name)];
        return set.Length == 0 ? "no webhook secret set" : "set: " + string.Join(", ", set);
    }
}
