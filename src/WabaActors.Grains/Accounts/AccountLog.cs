using Microsoft.Extensions.Logging;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Grains.Accounts;

internal static partial class AccountLog
{
    [LoggerMessage(EventId = WabaEventId.AccountChanged, Level = LogLevel.Information, Message = "Account {Waba} changed: {EventTypes}")]
    public static partial void Changed(ILogger logger, string waba, string eventTypes);

    [LoggerMessage(EventId = WabaEventId.AccountBlocked, Level = LogLevel.Warning, Message = "Account {Waba} is blocked")]
    public static partial void Blocked(ILogger logger, string waba);

    [LoggerMessage(EventId = WabaEventId.AccountGatePushFailed, Level = LogLevel.Warning, Message = "Account {Waba}: the gate could not reach number {PhoneHash}")]
    public static partial void GatePushFailed(ILogger logger, string waba, string phoneHash, Exception error);

    [LoggerMessage(EventId = WabaEventId.AccountPublishFailed, Level = LogLevel.Error, Message = "Account {Waba}: history entries could not be appended; re-appended on reactivation")]
    public static partial void PublishFailed(ILogger logger, string waba, Exception error);

    [LoggerMessage(EventId = WabaEventId.AccountVerdictShareFailed, Level = LogLevel.Warning, Message = "Account {Waba}: a 131049 could not reach number {PhoneHash}; that number learns it from its own next 131049")]
    public static partial void VerdictShareFailed(ILogger logger, string waba, string phoneHash, Exception error);

    [LoggerMessage(EventId = WabaEventId.AccountRedeliverySkipped, Level = LogLevel.Information, Message = "Account {Waba}: {Count} history entries from number {PhoneHash} were a redelivery and are recorded once")]
    public static partial void RedeliverySkipped(ILogger logger, string waba, string phoneHash, int count);
}
