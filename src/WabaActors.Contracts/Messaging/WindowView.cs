namespace WabaActors.Contracts.Messaging;

/// <summary>A customer-service window: open until <c>expiresAt</c>, or closed.</summary>
[GenerateSerializer, Immutable, Alias("waba.WindowView")]
public sealed record WindowView([property: Id(0)] bool Open, [property: Id(1)] DateTimeOffset? ExpiresAt);
