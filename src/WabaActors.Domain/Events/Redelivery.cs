namespace WabaActors.Domain.Events;

/// <summary>What to do with a change Meta (or the partner) sent, once the rules have computed its effect.</summary>
public enum ChangeOutcome
{
    /// <summary>Store the new state and its history entries.</summary>
    Apply,

    /// <summary>Nothing to store but the change's digest: the account is already in that state.</summary>
    Unchanged,

    /// <summary>An exact redelivery of a change already applied that would change nothing more: store nothing.</summary>
    Duplicate,
}

/// <summary>
/// What a duplicate is (docs/adr/0005-webhook-deduplication.md). A change that moves the state is
/// always applied, even if the same value was seen before: a later decision replaces an earlier
/// one in arrival order (REJECTED, APPROVED, REJECTED ⇒ rejected). Only a change that would not move
/// the state and was seen before (same digest within the retention) is a duplicate: that keeps a
/// redelivery from adding its history entries twice.
/// </summary>
public static class Redelivery
{
    public static ChangeOutcome Classify<T>(T before, Changed<T> change, bool seenBefore) where T : class
    {
        var movesState = !ReferenceEquals(before, change.State) && !Equals(before, change.State);
        return movesState ? ChangeOutcome.Apply
            : seenBefore ? ChangeOutcome.Duplicate
            : change.HasChanges ? ChangeOutcome.Apply
            : ChangeOutcome.Unchanged;
    }
}
