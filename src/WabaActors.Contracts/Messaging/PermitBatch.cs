namespace WabaActors.Contracts.Messaging;

/// <summary>
/// The answers to a batch of permits, one per request and in the order asked: a decision, or the
/// failure that refused that request alone (bad input, a reused message id).
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.PermitBatch")]
public sealed record PermitBatch([property: Id(0)] IReadOnlyList<Common.Reply<PermitDecision>> Replies);
