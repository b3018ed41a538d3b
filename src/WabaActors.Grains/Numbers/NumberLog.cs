using Microsoft.Extensions.Logging;
using WabaActors.Domain.Messaging;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Grains.Numbers;

internal static partial class NumberLog
{
    [LoggerMessage(EventId = WabaEventId.NumberChanged, Level = LogLevel.Information, Message = "Number {PhoneHash} of {Waba}: {EventTypes}")]
    public static partial void Changed(ILogger logger, string phoneHash, string waba, string eventTypes);

    [LoggerMessage(EventId = WabaEventId.NumberOutboxDeferred, Level = LogLevel.Warning, Message = "Number {PhoneHash}: the account {Waba} could not be told; retried by reminder")]
    public static partial void OutboxDeferred(ILogger logger, string phoneHash, string waba, Exception error);

    [LoggerMessage(EventId = WabaEventId.NumberActivated, Level = LogLevel.Information, Message = "Number {PhoneHash} activated with {Windows} windows and {Grants} grants")]
    public static partial void Activated(ILogger logger, string phoneHash, int windows, int grants);

    [LoggerMessage(EventId = WabaEventId.NumberWriteFailed, Level = LogLevel.Error, Message = "Number {PhoneHash}: a window or grant could not be written; reloading from storage")]
    public static partial void WriteFailed(ILogger logger, string phoneHash, Exception error);

    [LoggerMessage(EventId = WabaEventId.NumberGatewayFailed, Level = LogLevel.Warning, Message = "Number {PhoneHash}: the gateway failed on {Operation} ({Kind}: {Reason}); nothing changed")]
    public static partial void GatewayFailed(ILogger logger, string phoneHash, GatewayOperation operation, Gateway.GatewayFailureKind kind, string reason);

    [LoggerMessage(EventId = WabaEventId.NumberBillingStartUnknown, Level = LogLevel.Warning, Message = "Number {PhoneHash} registered but the channel could not be read ({Reason}); billing starts now")]
    public static partial void BillingStartUnknown(ILogger logger, string phoneHash, string reason);

    [LoggerMessage(EventId = WabaEventId.NumberAllowanceFlushFailed, Level = LogLevel.Warning, Message = "Number {PhoneHash}: the count of free service messages could not be written; retried at the next flush")]
    public static partial void AllowanceFlushFailed(ILogger logger, string phoneHash, Exception error);

    [LoggerMessage(EventId = WabaEventId.NumberVerdictShareFailed, Level = LogLevel.Warning, Message = "Number {PhoneHash}: a 131049 could not be handed to the account {Waba}; its other numbers learn it from their own next 131049")]
    public static partial void VerdictShareFailed(ILogger logger, string phoneHash, string waba, Exception error);

    [LoggerMessage(EventId = WabaEventId.NumberShadowDenial, Level = LogLevel.Debug,
        Message = "Number {PhoneHash} of {Tenant}/{Waba}: a {Type} permit denied {Reason} was answered allowed (shadow mode)")]
    public static partial void ShadowDenial(ILogger logger, string phoneHash, string tenant, string waba, MessageType type, DenyReason reason);
}
