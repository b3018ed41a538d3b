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
        services.AddLastGoodOptions<WebhookOptions>(WebhookOptions.Section, Describe, KeepsItsSecrets);
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<MessagesApplier>();
        services.AddSingleton<WebhookApplier>();
        services.AddSingleton<PartnerWebhookApplier>();
        return services;
    }

    /// <summary>The reload rule: a secret set at start may change but not disappear while the host runs (restart to turn webhooks off).</summary>
    private static string? KeepsItsSecrets(WebhookOptions last, WebhookOptions next)
    {
        string[] dropped = [.. new (string Name, string? Last, string? Next)[]
        {
            ("AppSecret", last.AppSecret, next.AppSecret), ("VerifyToken", last.VerifyToken, next.VerifyToken), ("Dialog360Secret", last.Dialog360Secret, next.Dialog360Secret),
        }.Where(s => !string.IsNullOrEmpty(s.Last) && string.IsNullOrEmpty(s.Next)).Select(s => $"{WebhookOptions.Section}:{s.Name}")];
        return dropped.Length == 0 ? null
            : $"{string.Join(", ", dropped)} would be removed, turning webhooks off; a running host keeps its webhook secrets (restart to turn webhooks off).";
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
