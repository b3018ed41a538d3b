using System.ComponentModel.DataAnnotations;

namespace WabaActors.Host.Telemetry;

/// <summary>
/// Metrics, traces and their exporters (section <see cref="Section"/>; docs/telemetry.md). Metrics are
/// scrapeable at <see cref="MetricsPath"/>; spans are collected only when an OTLP endpoint is set
/// (<see cref="OtlpEndpoint"/> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) or <see cref="Traces"/> is on.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "WabaActors:Telemetry";

    /// <summary>Off: no meter provider, no tracer provider, no <c>/metrics</c> (instruments stay, unobserved).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Serve the Prometheus text format at <see cref="MetricsPath"/>.</summary>
    public bool Prometheus { get; set; } = true;

    [RegularExpression("^/[A-Za-z0-9/_.-]{1,100}$", ErrorMessage = "WabaActors:Telemetry:MetricsPath must be an absolute path like /metrics (letters, digits, / _ . -).")]
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>The <c>service.name</c> resource attribute of every metric, span and log exported.</summary>
    [Required(ErrorMessage = "WabaActors:Telemetry:ServiceName is required.")]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", ErrorMessage = "WabaActors:Telemetry:ServiceName must be 1–100 letters, digits, '.', '_' or '-'.")]
    public string ServiceName { get; set; } = "waba-actors";

    /// <summary>The OTLP collector (e.g. <c>http://otel-collector:4317</c>); unset: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, else no OTLP export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> (port 4317) or <c>HttpProtobuf</c> (port 4318) for <see cref="OtlpEndpoint"/>; the environment's <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> otherwise.</summary>
    public OtlpProtocol OtlpProtocol { get; set; } = OtlpProtocol.Grpc;

    /// <summary>Collect spans: null (default) = only when an OTLP endpoint is configured.</summary>
    public bool? Traces { get; set; }

    /// <summary>The share of new traces recorded (parent-based: a sampled caller is always followed).</summary>
    [Range(0.0, 1.0, ErrorMessage = "WabaActors:Telemetry:TraceSampleRatio must be between {1} and {2}.")]
    public double TraceSampleRatio { get; set; } = 1.0;
}

public enum OtlpProtocol
{
    Grpc,
    HttpProtobuf,
}
