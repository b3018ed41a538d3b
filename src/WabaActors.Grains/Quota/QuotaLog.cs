using Microsoft.Extensions.Logging;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Grains.Quota;

internal static partial class QuotaLog
{
    [LoggerMessage(EventId = WabaEventId.QuotaFenced, Level = LogLevel.Warning, Message = "Template quota {QuotaKey}: epoch {Epoch} fenced by a newer activation; deactivating")]
    public static partial void Fenced(ILogger logger, string quotaKey, long epoch);

    [LoggerMessage(EventId = WabaEventId.QuotaWriteFailed, Level = LogLevel.Error, Message = "Template quota {QuotaKey}: a grant could not be written; reloading from storage")]
    public static partial void WriteFailed(ILogger logger, string quotaKey, Exception error);

    [LoggerMessage(EventId = WabaEventId.QuotaActivated, Level = LogLevel.Information, Message = "Template quota {QuotaKey} activated at epoch {Epoch} with {Grants} grants")]
    public static partial void Activated(ILogger logger, string quotaKey, long epoch, int grants);

    [LoggerMessage(EventId = WabaEventId.QuotaLinkLearned, Level = LogLevel.Debug, Message = "Template quota {QuotaKey}: learned a link between two ids of one customer; {People} ids linked")]
    public static partial void LinkLearned(ILogger logger, string quotaKey, int people);
}
