namespace WabaActors.Host.Webhooks;

/// <summary>
/// Meta's and 360dialog's webhook settings (section <see cref="Section"/>). Without <see cref="AppSecret"/> webhooks
/// are refused (<c>503 webhooks_not_configured</c>). The dedupe knobs of the same section are the
/// grains' (<see cref="Grains.WebhookDedupeOptions"/>). No secret is ever logged. Each secret may have a
/// <c>…Previous</c> beside it while it is rotated; the host reads them again when the configuration changes (ADR 0026).
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "WabaActors:Webhooks";

    /// <summary>The Meta app's secret: the HMAC-SHA256 key of <c>X-Hub-Signature-256</c>.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The token Meta echoes in the subscription handshake (<c>hub.verify_token</c>).</summary>
    public string? VerifyToken { get; set; }

    /// <summary>
    /// 360dialog's platform secret: the HMAC-SHA256 key of <c>X-360dialog-Signature</c> on partner
    /// webhooks. Without it <c>POST /v1/webhooks/360dialog</c> answers <c>503 webhooks_not_configured</c>.
    /// </summary>
    public string? Dialog360Secret { get; set; }

    /// <summary>During a rotation of <see cref="AppSecret"/>: the secret it replaces, still accepted until removed (docs/operations.md).</summary>
    public string? AppSecretPrevious { get; set; }

    /// <summary>During a rotation of <see cref="VerifyToken"/>: the token it replaces, still accepted until removed.</summary>
    public string? VerifyTokenPrevious { get; set; }

    /// <summary>During a rotation of <see cref="Dialog360Secret"/>: the secret it replaces, still accepted until removed.</summary>
    public string? Dialog360SecretPrevious { get; set; }

    public bool IsConfigured => !string.IsNullOrEmpty(AppSecret);
}
