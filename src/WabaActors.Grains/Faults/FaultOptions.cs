using System.ComponentModel.DataAnnotations;

namespace WabaActors.Grains.Faults;

/// <summary>How storage outages are answered, probed and logged (section <see cref="Section"/>; docs/operations.md, "Storage outages").</summary>
public sealed class FaultOptions
{
    public const string Section = "WabaActors:Faults";

    /// <summary>
    /// Storage faults of one kind at one place are logged once when the first happens, then counted: one
    /// summary line per interval while they go on (<see cref="FaultLog"/>).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "WabaActors:Faults:LogInterval must be between {1} and {2}.")]
    public TimeSpan LogInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The <c>Retry-After</c> of a <c>503 storage_unavailable</c>, in whole seconds.</summary>
    [Range(1, 60, ErrorMessage = "WabaActors:Faults:RetryAfterSeconds must be between {1} and {2}.")]
    public int RetryAfterSeconds { get; set; } = 2;

    /// <summary>How long <c>/health/ready</c>'s database probe (<c>SELECT 1</c>) may take before it counts as a failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10", ErrorMessage = "WabaActors:Faults:DatabaseProbeTimeout must be between {1} and {2}.")]
    public TimeSpan DatabaseProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a probe's result answers <c>/health/ready</c> before the database is asked again (probes do not hammer it).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02", ErrorMessage = "WabaActors:Faults:DatabaseProbeCache must be between {1} and {2}.")]
    public TimeSpan DatabaseProbeCache { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the messaging pipeline's calls (inbound, permits, batches, outcomes, windows) may wait for
    /// the grains before they answer <c>503 timeout</c> with <c>Retry-After</c>: a grain on a silo that just
    /// died is only given up by the membership after some seconds, and a caller's own timeout would end the
    /// call unanswered. Below the callers' timeouts; nothing is acknowledged by such an answer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:25", ErrorMessage = "WabaActors:Faults:DecisionDeadline must be between {1} and {2}.")]
    public TimeSpan DecisionDeadline { get; set; } = TimeSpan.FromSeconds(3);
}
