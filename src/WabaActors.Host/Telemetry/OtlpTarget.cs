using OpenTelemetry.Exporter;

namespace WabaActors.Host.Telemetry;

/// <summary>
/// Where OTLP goes: <see cref="TelemetryOptions.OtlpEndpoint"/>, else the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (read by the exporter itself, with the other <c>OTEL_EXPORTER_OTLP_*</c> variables).
/// </summary>
internal sealed record OtlpTarget(Uri? Endpoint, OtlpExportProtocol Protocol, string Display)
{
    public const string EnvironmentKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static OtlpTarget? From(TelemetryOptions options, IConfiguration configuration)
    {
        var protocol = options.OtlpProtocol == OtlpProtocol.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        if (options.OtlpEndpoint is { Length: > 0 } configured && Uri.TryCreate(configured, UriKind.Absolute, out var uri))
        {
            return new OtlpTarget(uri, protocol, Safe(uri));
        }

        return configuration[EnvironmentKey] is { Length: > 0 } fromEnvironment
            ? new OtlpTarget(null, protocol, Uri.TryCreate(fromEnvironment, UriKind.Absolute, out var env) ? Safe(env) : EnvironmentKey)
            : null;
    }

    /// <summary>Applies the configured endpoint to one signal's exporter (HTTP needs the signal's path).</summary>
    public void Configure(OtlpExporterOptions exporter, string signalPath)
    {
        if (Endpoint is null)
        {
            return;
        }

        exporter.Protocol = Protocol;
        exporter.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(Endpoint, signalPath) : Endpoint;
    }

    /// <summary>Scheme, host and port only: a URI's user info or query may hold a credential and is never logged.</summary>
    private static string Safe(Uri uri) => uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
}
