namespace WabaActors.Contracts.Messaging;

/// <summary>A customer's message to a number, with the customer's own timestamp.</summary>
[GenerateSerializer, Immutable, Alias("waba.InboundMessage")]
public sealed record InboundMessage([property: Id(0)] string Customer, [property: Id(1)] string MessageId, [property: Id(2)] DateTimeOffset Timestamp);
