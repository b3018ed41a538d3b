using System.ComponentModel.DataAnnotations;

namespace WabaActors.Grains.Notifications;

/// <summary>Outbound notifications to mluvii (section <see cref="Section"/>, docs/configuration.md, ADR 0012).</summary>
public sealed class NotificationOptions
{
    public const string Section = "WabaActors:Notifications";

    /// <summary>Off by default: no notifier runs and nothing is sent.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where every account event is POSTed; https, or http only to a loopback host.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The HMAC-SHA256 key (at least 32 characters); never logged.</summary>
    public string? Secret { get; set; }

    /// <summary>The most events one POST carries (consecutive, oldest first); 1 sends one event per request.</summary>
    [Range(1, 100, ErrorMessage = "WabaActors:Notifications:BatchSize must be between {1} and {2}.")]
    public int BatchSize { get; set; } = 20;

    /// <summary>The wait after the first failed attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "WabaActors:Notifications:BackoffInitial must be between {1} and {2}.")]
    public TimeSpan BackoffInitial { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts (before a <c>Retry-After</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "WabaActors:Notifications:BackoffMax must be between {1} and {2}.")]
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Each further failure multiplies the wait by this.</summary>
    [Range(1.0, 10.0, ErrorMessage = "WabaActors:Notifications:BackoffMultiplier must be between {1} and {2}.")]
    public double BackoffMultiplier { get; set; } = 2.0;

    /// <summary>The longest <c>Retry-After</c> (429/503) honoured; a longer one is cut to this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "WabaActors:Notifications:RetryAfterMax must be between {1} and {2}.")]
    public TimeSpan RetryAfterMax { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one attempt may take (connect, send, answer) before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "WabaActors:Notifications:Timeout must be between {1} and {2}.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
