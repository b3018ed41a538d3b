namespace WabaActors.Domain.Messaging;

/// <summary>A decision and the deltas it produced (nothing for a denial or a replay).</summary>
public sealed record PermitOutcome(SendDecision Decision, RecipientCounted? Counted, PermitGranted? Granted)
{
    public bool IsReplay { get; init; }
}
