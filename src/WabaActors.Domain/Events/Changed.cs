namespace WabaActors.Domain.Events;

/// <summary>The new state after a command, and the history entries it adds (none when nothing changed).</summary>
public sealed record Changed<T>(T State, IReadOnlyList<AccountEvent> Events)
{
    public static Changed<T> Unchanged(T state) => new(state, []);

    public bool HasChanges => Events.Count > 0;
}
