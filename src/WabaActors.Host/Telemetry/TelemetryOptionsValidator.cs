using Microsoft.Extensions.Options;

namespace WabaActors.Host.Telemetry;

/// <summary>What annotations cannot say: the OTLP endpoint is an absolute http(s) URI, and <c>/metrics</c> does not shadow the API.</summary>
public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var errors = new List<string>();
        if (options.OtlpEndpoint is { Length: > 0 } endpoint
            && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors.Add($"{TelemetryOptions.Section}:OtlpEndpoint must be an absolute http:// or https:// URI.");
        }

        if (options.MetricsPath is { } path && (IsUnder(path, "/v1") || IsUnder(path, "/health") || IsUnder(path, "/openapi")))
        {
            errors.Add($"{TelemetryOptions.Section}:MetricsPath must not lie under /v1, /health or /openapi.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsUnder(string path, string prefix) => new PathString(path).StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase);
}
