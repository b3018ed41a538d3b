namespace WabaActors.Gateway.Dialog360;

/// <summary>The 360dialog adapter (section <c>WabaActors:Dialog360</c>); see docs/configuration.md. Checked at start by <see cref="Dialog360OptionsValidator"/>.</summary>
public sealed class Dialog360Options
{
    public const string Section = "WabaActors:Dialog360";

    /// <summary>The Partner API's base address.</summary>
    public string BaseUrl { get; set; } = "https://hub.360dialog.io/api/v2/";

    /// <summary>The partner id (ends in <c>PA</c>), part of every path.</summary>
    public string? PartnerId { get; set; }

    /// <summary>The Partner API key. A secret: give it through the environment or a secret store, never in a file; never logged.</summary>
    public string? PartnerKey { get; set; }

    /// <summary>The request header that carries <see cref="PartnerKey"/>.</summary>
    public string ApiKeyHeader { get; set; } = "x-api-key";

    /// <summary>The language of the SMS or call that delivers the code.</summary>
    public string CodeLanguage { get; set; } = "en";

    /// <summary>One HTTP attempt's limit.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>One call's limit, retries included; stays below the grain call timeout (30 s).</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries of a read (GET) after a transient failure; writes (code requests, verification, registration) are never retried.</summary>
    public int ReadRetries { get; set; } = 2;

    /// <summary>The first retry's delay (exponential with jitter after); a <c>Retry-After</c> header wins.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The share of failed calls within <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed within the sampling window before the circuit may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls (answered as <c>gateway_unavailable</c> with <c>Retry-After</c>).</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
