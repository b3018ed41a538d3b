namespace WabaActors.Host.Telemetry;

/// <summary>
/// The console log's shape (section <see cref="Section"/>). Every line carries the trace and span ids
/// of the request or grain call that wrote it (as scopes), so a log line leads to its trace.
/// </summary>
public sealed class LogOptions
{
    public const string Section = "WabaActors:Logging";

    /// <summary>One JSON object per line (for a log shipper) instead of the human-readable format.</summary>
    public bool Json { get; set; }

    /// <summary>Write scopes: trace id, span id, parent id, request path. Off: shorter lines, no correlation.</summary>
    public bool IncludeScopes { get; set; } = true;
}
