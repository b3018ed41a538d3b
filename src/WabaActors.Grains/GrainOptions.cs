using System.ComponentModel.DataAnnotations;

namespace WabaActors.Grains;

/// <summary>Tunables of the grains (section <see cref="Section"/>).</summary>
public sealed class GrainOptions
{
    public const string Section = "WabaActors:Grains";

    /// <summary>The longest a number decides with its account's gate before reading it again (pushes keep it current in between).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "WabaActors:Grains:GateRefresh must be between {1} and {2}.")]
    public TimeSpan GateRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a number writes its count of free service messages (pricing only: a crash loses at most this much of it).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "WabaActors:Grains:AllowanceFlushInterval must be between {1} and {2}.")]
    public TimeSpan AllowanceFlushInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this many verdicts a number answers the operator page with (the total is given beside them).</summary>
    [Range(1, 10_000, ErrorMessage = "WabaActors:Grains:ActivityVerdictPage must be between {1} and {2}.")]
    public int ActivityVerdictPage { get; set; } = 100;

    /// <summary>
    /// The period of the deadline and outbox reminders after their first tick (they are removed once
    /// handled). Must be ≥ Orleans' <c>ReminderOptions.MinimumReminderPeriod</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "WabaActors:Grains:ReminderPeriod must be between {1} and {2}.")]
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most permits one batch call may ask (<c>RequestPermitsAsync</c>); a larger batch is refused whole.</summary>
    [Range(1, 1000, ErrorMessage = "WabaActors:Grains:PermitBatchLimit must be between {1} and {2}.")]
    public int PermitBatchLimit { get; set; } = 100;

    /// <summary>
    /// How long a number trusts what the scope's directory answered about a customer's other ids before it
    /// asks again (only for a customer it would answer "closed"; an open window costs no hop). A link taught
    /// on another number within this interval may be missed: a false "closed", never an over-grant.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "WabaActors:Grains:LinkLookupInterval must be between {1} and {2}.")]
    public TimeSpan LinkLookupInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Customers a number remembers having looked up (bounded memory per number).</summary>
    [Range(16, 1_000_000, ErrorMessage = "WabaActors:Grains:LinkLookupCache must be between {1} and {2}.")]
    public int LinkLookupCache { get; set; } = 10_000;
}
