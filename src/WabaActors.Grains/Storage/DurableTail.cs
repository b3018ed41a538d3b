namespace WabaActors.Grains.Storage;

/// <summary>
/// Lets a hot grain decide the next request while its earlier writes are still committing, without
/// ever acknowledging ahead of durability: every answer waits for the tail — every write the grain
/// queued up to that decision, its own included — so an answer never rests on a change that could
/// still be lost. A failed write faults the tail, and with it every answer after it, until the
/// grain is reactivated from what is committed.
/// </summary>
public sealed class DurableTail
{
    private Task _tail = Task.CompletedTask;

    /// <summary>The writes queued so far.</summary>
    public Task Current => _tail;

    /// <summary>Adds a queued write; returns the tail including it.</summary>
    public Task Append(Task write) =>
        _tail = _tail.IsCompletedSuccessfully ? write : Task.WhenAll(_tail, write);
}
