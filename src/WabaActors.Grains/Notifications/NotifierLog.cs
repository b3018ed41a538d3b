using Microsoft.Extensions.Logging;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Grains.Notifications;

/// <summary>The notifiers' logs; they name the endpoint's host only (a URL may carry a token) and never the secret.</summary>
internal static partial class NotifierLog
{
    [LoggerMessage(EventId = WabaEventId.NotifierAttemptFailed, Level = LogLevel.Warning,
        Message = "Notifications of {Waba}: attempt {Attempt} for events {First}..{Last} to {Host} failed ({Status}); next attempt in {Delay}")]
    public static partial void AttemptFailed(ILogger logger, string waba, int attempt, long first, long last, string host, string status, TimeSpan delay);

    [LoggerMessage(EventId = WabaEventId.NotifierLikelyMisconfigured, Level = LogLevel.Error,
        Message = "Notifications of {Waba}: {Host} refused events {First}..{Last} with {Status} (attempt {Attempt}); likely misconfiguration (endpoint path, secret or receiver's checks); still retried, next attempt in {Delay}")]
    public static partial void LikelyMisconfigured(ILogger logger, string waba, int attempt, long first, long last, string host, string status, TimeSpan delay);

    [LoggerMessage(EventId = WabaEventId.NotifierDelivered, Level = LogLevel.Debug, Message = "Notifications of {Waba}: delivered events {First}..{Last}")]
    public static partial void Delivered(ILogger logger, string waba, long first, long last);

    [LoggerMessage(EventId = WabaEventId.NotifierPumpFailed, Level = LogLevel.Error, Message = "Notifications of {Waba}: the delivery loop stopped; its reminder restarts it")]
    public static partial void PumpFailed(ILogger logger, string waba, Exception error);

    [LoggerMessage(EventId = WabaEventId.NotifierPokeFailed, Level = LogLevel.Warning, Message = "Account {Waba}: its notifier could not be poked; its reminder or the next change delivers")]
    public static partial void PokeFailed(ILogger logger, string waba, Exception error);
}
