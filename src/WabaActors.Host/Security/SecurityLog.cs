using WabaActors.Grains.Telemetry;
namespace WabaActors.Host.Security;

internal static partial class SecurityLog
{
    [LoggerMessage(EventId = WabaEventId.SecurityNoApiKeys, Level = LogLevel.Warning,
        Message = "No API keys are configured (Auth:ApiKeys): every /v1 call is allowed without authentication. Configure keys before exposing this host.")]
    public static partial void NoApiKeys(ILogger logger);

    [LoggerMessage(EventId = WabaEventId.SecurityApiKeys, Level = LogLevel.Information, Message = "API keys configured: {TenantKeys} tenant key(s), {OperatorKeys} operator key(s)")]
    public static partial void ApiKeys(ILogger logger, int tenantKeys, int operatorKeys);

    [LoggerMessage(EventId = WabaEventId.SecurityRateLimit, Level = LogLevel.Information, Message = "Rate limit per tenant: {Permits} per {Period}, burst {Burst}")]
    public static partial void RateLimit(ILogger logger, int permits, TimeSpan period, int burst);
}
