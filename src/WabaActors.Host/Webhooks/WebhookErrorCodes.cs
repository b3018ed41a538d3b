namespace WabaActors.Host.Webhooks;

/// <summary>The stable error codes of the webhook endpoints (the HTTP contract, served as OpenAPI at /openapi/v1.json). Never rename one.</summary>
public static class WebhookErrorCodes
{
    public const string InvalidSignature = "invalid_signature";
    public const string InvalidVerifyToken = "invalid_verify_token";
    public const string WebhooksNotConfigured = "webhooks_not_configured";
}
