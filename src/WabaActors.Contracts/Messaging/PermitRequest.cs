namespace WabaActors.Contracts.Messaging;

/// <summary>May this message go out now? <see cref="MessageId"/> is the idempotency key.</summary>
[GenerateSerializer, Immutable, Alias("waba.PermitRequest")]
public sealed record PermitRequest([property: Id(0)] string Customer, [property: Id(1)] MessageKind Type, [property: Id(2)] string MessageId);
