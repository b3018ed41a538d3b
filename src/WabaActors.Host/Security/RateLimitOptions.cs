using System.ComponentModel.DataAnnotations;

namespace WabaActors.Host.Security;

/// <summary>
/// A token bucket per tenant (section <c>WabaActors:RateLimit</c>): <see cref="PermitsPerPeriod"/> tokens
/// every <see cref="Period"/>, at most <see cref="Burst"/> saved up. Off while <see cref="PermitsPerPeriod"/> is 0.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "WabaActors:RateLimit";

    [Range(0, 1_000_000, ErrorMessage = "WabaActors:RateLimit:PermitsPerPeriod must be between {1} and {2} (0: off).")]
    public int PermitsPerPeriod { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "WabaActors:RateLimit:Period must be between {1} and {2}.")]
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The bucket's size; 0 means <see cref="PermitsPerPeriod"/>.</summary>
    [Range(0, 10_000_000, ErrorMessage = "WabaActors:RateLimit:Burst must be between {1} and {2} (0: PermitsPerPeriod).")]
    public int Burst { get; set; }

    public bool Enabled => PermitsPerPeriod > 0;

    public int BucketSize => Burst > 0 ? Burst : PermitsPerPeriod;
}
