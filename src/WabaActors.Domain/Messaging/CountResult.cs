namespace WabaActors.Domain.Messaging;

/// <summary>The outcome of counting a template recipient, the change to persist (when counted) and the usage after it.</summary>
public readonly record struct CountResult(CountOutcome Outcome, RecipientCounted? Change, RecipientUsage Usage)
{
    public bool Granted => Outcome != CountOutcome.LimitReached;
}
