namespace WabaActors.Contracts.Accounts;

/// <summary>A page of history in the order it was recorded (cursor order); <c>cursor</c> is the last event's id (or the <c>after</c> given when empty).</summary>
[GenerateSerializer, Immutable, Alias("waba.EventPage")]
public sealed record EventPage([property: Id(0)] IReadOnlyList<EventView> Events, [property: Id(1)] string? Cursor);
