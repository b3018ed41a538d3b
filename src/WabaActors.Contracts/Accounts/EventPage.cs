namespace WabaActors.Contracts.Accounts;

/// <summary>A page of history, oldest first; <see cref="Cursor"/> is the last event's id (or the <c>after</c> given when empty).</summary>
[GenerateSerializer, Immutable, Alias("waba.EventPage")]
public sealed record EventPage([property: Id(0)] IReadOnlyList<EventView> Events, [property: Id(1)] string? Cursor);
