using WabaActors.Grains.Telemetry;
namespace WabaActors.Host.Hosting;

internal static partial class HostLog
{
    [LoggerMessage(EventId = WabaEventId.HostListening, Level = LogLevel.Information, Message = "WabaActors listening on {Urls} (storage {Storage}, clock {Clock}, gateway {Gateway}, rules {Profile})")]
    public static partial void Listening(ILogger logger, string urls, StorageKind storage, ClockKind clock, GatewayKind gateway, string profile);

    [LoggerMessage(EventId = WabaEventId.HostTelemetry, Level = LogLevel.Information, Message = "Telemetry: metrics at {MetricsPath}, traces {Traces}, OTLP {Otlp}")]
    public static partial void Telemetry(ILogger logger, string metricsPath, bool traces, string otlp);
}
