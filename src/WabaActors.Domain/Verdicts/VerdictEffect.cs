namespace WabaActors.Domain.Verdicts;

/// <summary>What applying a verdict did.</summary>
public enum VerdictEffect
{
    /// <summary>A status or error the gate learns nothing from.</summary>
    None,

    /// <summary>The same (message id, status), or the same preference, was applied before.</summary>
    Duplicate,

    /// <summary>131047: the caller closes the customer's window (the windows' rule, not a verdict).</summary>
    WindowClosed,

    MarketingLimited,
    MarketingOptedOut,
    MarketingResumed,

    /// <summary>An older preference than the one held: nothing changed.</summary>
    Superseded,
}

/// <summary>A verdict applied: its effect, the delta to persist (null when nothing changed), and until when a limit holds.</summary>
public readonly record struct VerdictStep(VerdictEffect Effect, CustomerVerdict? Changed, DateTimeOffset? Until = null);
