using System.ComponentModel.DataAnnotations;

namespace WabaActors.Grains;

/// <summary>
/// How long, and how many, webhook changes an account remembers so that Meta's redeliveries change
/// nothing twice (section <see cref="Section"/>, shared with the host's webhook settings); a number
/// remembers its display-name decisions under the same bounds.
/// See docs/adr/0005-webhook-deduplication.md and docs/adr/0027-exactly-once-history.md.
/// </summary>
public sealed class WebhookDedupeOptions
{
    public const string Section = "WabaActors:Webhooks";

    /// <summary>How long a change is remembered after it was applied (Meta retries a failed delivery for up to 7 days).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "WabaActors:Webhooks:DedupeRetention must be between {1} and {2}.")]
    public TimeSpan DedupeRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The most changes one account (or one number) remembers; the oldest are forgotten first.</summary>
    [Range(1, 10_000, ErrorMessage = "WabaActors:Webhooks:DedupeCapacity must be between {1} and {2}.")]
    public int DedupeCapacity { get; set; } = 256;
}
