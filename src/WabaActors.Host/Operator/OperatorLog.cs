using WabaActors.Grains.Telemetry;
namespace WabaActors.Host.Operator;

internal static partial class OperatorLog
{
    [LoggerMessage(EventId = WabaEventId.OperatorDashboard, Level = LogLevel.Information, Message = "Orleans Dashboard at {Path} (operator key when API keys are configured)")]
    public static partial void Dashboard(ILogger logger, string path);

    [LoggerMessage(EventId = WabaEventId.OperatorPage, Level = LogLevel.Information, Message = "Operator page at {Path}")]
    public static partial void Page(ILogger logger, string path);
}
