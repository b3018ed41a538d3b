using WabaActors.Domain.Events;

namespace WabaActors.Grains.Storage;

/// <summary>A history entry with its sequence number in the account's history (1, 2, …).</summary>
[GenerateSerializer, Immutable, Alias("waba.StoredEvent")]
public sealed record StoredEvent([property: Id(0)] long Sequence, [property: Id(1)] AccountEvent Event);
