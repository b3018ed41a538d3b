using WabaActors.Grains.Telemetry;
namespace WabaActors.Host.Webhooks;

/// <summary>What the webhook endpoints log. Never a secret, a body or a phone number (numbers as a hash).</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = WabaEventId.WebhookUnknownWaba, Level = LogLevel.Information, Message = "Webhook {Field} for unknown WABA {Waba} acknowledged")]
    public static partial void UnknownWaba(ILogger logger, string field, string waba);

    [LoggerMessage(EventId = WabaEventId.WebhookUnhandledField, Level = LogLevel.Information, Message = "Webhook field {Field} for WABA {Waba} is not handled; acknowledged")]
    public static partial void UnhandledField(ILogger logger, string field, string waba);

    [LoggerMessage(EventId = WabaEventId.WebhookNotApplied, Level = LogLevel.Warning, Message = "Webhook {Field} for WABA {Waba} not applied ({Code}): {Reason}")]
    public static partial void NotApplied(ILogger logger, string field, string waba, string code, string reason);

    [LoggerMessage(EventId = WabaEventId.WebhookHandled, Level = LogLevel.Information, Message = "Webhook {Field} for WABA {Waba}: {Result}")]
    public static partial void Handled(ILogger logger, string field, string waba, string result);

    [LoggerMessage(EventId = WabaEventId.WebhookSignatureRejected, Level = LogLevel.Warning, Message = "Webhook delivery refused: missing or invalid X-Hub-Signature-256")]
    public static partial void SignatureRejected(ILogger logger);

    [LoggerMessage(EventId = WabaEventId.WebhookNotConfigured, Level = LogLevel.Warning, Message = "Webhook request refused: {Setting} is not configured")]
    public static partial void NotConfigured(ILogger logger, string setting);

    [LoggerMessage(EventId = WabaEventId.WebhookMessageIgnored, Level = LogLevel.Warning, Message = "Webhook messages for number {PhoneHash} of WABA {Waba}: {What} ignored ({Code})")]
    public static partial void MessageIgnored(ILogger logger, string phoneHash, string waba, string what, string code);

    [LoggerMessage(EventId = WabaEventId.WebhookSkipped, Level = LogLevel.Information, Message = "Webhook {Field} for WABA {Waba} skipped: {Reason}")]
    public static partial void Skipped(ILogger logger, string field, string waba, string reason);

    [LoggerMessage(EventId = WabaEventId.WebhookHandshakeRefused, Level = LogLevel.Warning, Message = "Webhook subscription handshake refused: wrong verify token")]
    public static partial void HandshakeRefused(ILogger logger);

    [LoggerMessage(EventId = WabaEventId.WebhookOff, Level = LogLevel.Warning, Message = "Meta webhooks are off: {Path} answers 503 webhooks_not_configured until WabaActors:Webhooks:AppSecret (and VerifyToken for the handshake) is set")]
    public static partial void WebhooksOff(ILogger logger, string path);

    [LoggerMessage(EventId = WabaEventId.WebhookUnknownValue, Level = LogLevel.Warning, Message = "Webhook {Field} for WABA {Waba} carries an unknown {What} '{Value}': recorded, not applied")]
    public static partial void UnknownValue(ILogger logger, string field, string waba, string what, string value);

    [LoggerMessage(EventId = WabaEventId.WebhookOpensNothing, Level = LogLevel.Information, Message = "Webhook {Field} for number {PhoneHash} of WABA {Waba}: {What} opens no window")]
    public static partial void OpensNothing(ILogger logger, string field, string phoneHash, string waba, string what);

    [LoggerMessage(EventId = WabaEventId.WebhookForeignObject, Level = LogLevel.Warning, Message = "Webhook delivery for object '{Object}' acknowledged and ignored: this endpoint reads whatsapp_business_account")]
    public static partial void ForeignObject(ILogger logger, string @object);

    [LoggerMessage(EventId = WabaEventId.PartnerWebhookSignatureRejected, Level = LogLevel.Warning, Message = "360dialog webhook delivery refused: missing or invalid X-360dialog-Signature")]
    public static partial void PartnerSignatureRejected(ILogger logger);

    [LoggerMessage(EventId = WabaEventId.PartnerWebhookOff, Level = LogLevel.Warning, Message = "360dialog partner webhooks are off: {Path} answers 503 webhooks_not_configured until WabaActors:Webhooks:Dialog360Secret is set")]
    public static partial void PartnerWebhooksOff(ILogger logger, string path);
}
