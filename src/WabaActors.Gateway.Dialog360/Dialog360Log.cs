using Microsoft.Extensions.Logging;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Gateway.Dialog360;

/// <summary>Gateway failures, without the phone number (the grain logs its hash) and never the partner key.</summary>
internal static partial class Dialog360Log
{
    [LoggerMessage(EventId = WabaEventId.Dialog360Refused, Level = LogLevel.Warning, Message = "360dialog {Operation} answered HTTP {Status}")]
    public static partial void Refused(ILogger logger, string operation, int status);

    [LoggerMessage(EventId = WabaEventId.Dialog360Failed, Level = LogLevel.Warning, Message = "360dialog {Operation} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string operation, string reason);

    [LoggerMessage(EventId = WabaEventId.Dialog360Unreadable, Level = LogLevel.Warning, Message = "360dialog {Operation}: the reply could not be read ({Detail})")]
    public static partial void Unreadable(ILogger logger, string operation, string detail);
}
