using WabaActors.Grains.Telemetry;

namespace WabaActors.Host.Reload;

internal static partial class ReloadLog
{
    [LoggerMessage(EventId = WabaEventId.SecurityOptionsReloaded, Level = LogLevel.Information,
        Message = "Configuration section {Section} reloaded, applied from the next call: {Summary}")]
    public static partial void Reloaded(ILogger logger, string section, string summary);

    [LoggerMessage(EventId = WabaEventId.SecurityOptionsReloadRejected, Level = LogLevel.Error,
        Message = "Configuration section {Section} changed but is invalid, so the previous keys and secrets stay in use until it is fixed: {Failures}")]
    public static partial void Rejected(ILogger logger, string section, string failures);
}
