using WabaActors.Grains.Telemetry;
namespace WabaActors.Host.Hosting;

internal static partial class HostLog
{
    [LoggerMessage(EventId = WabaEventId.HostListening, Level = LogLevel.Information, Message = "WabaActors listening on {Urls} (storage {Storage}, clock {Clock}, gateway {Gateway}, rules {Profile})")]
    public static partial void Listening(ILogger logger, string urls, StorageKind storage, ClockKind clock, GatewayKind gateway, string profile);

    [LoggerMessage(EventId = WabaEventId.HostTelemetry, Level = LogLevel.Information, Message = "Telemetry: metrics at {MetricsPath}, traces {Traces}, OTLP {Otlp}")]
    public static partial void Telemetry(ILogger logger, string metricsPath, bool traces, string otlp);

    [LoggerMessage(EventId = WabaEventId.HostPortTaken, Level = LogLevel.Error, Message = "The Orleans {What} port {Port} ({Endpoint}) is already in use (another silo or process on this machine listens on it): set {Key} to a free port. The host stops")]
    public static partial void PortTaken(ILogger logger, string what, int port, string endpoint, string key);

    [LoggerMessage(EventId = WabaEventId.HostCannotListen, Level = LogLevel.Error, Message = "The Orleans {What} endpoint {Endpoint} cannot be listened on ({Error}): check {Key}. The host stops")]
    public static partial void CannotListen(ILogger logger, string what, string endpoint, System.Net.Sockets.SocketError error, string key);
}
