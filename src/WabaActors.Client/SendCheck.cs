using WabaActors.Contracts.Messaging;

namespace WabaActors.Client;

/// <summary>One send of a batch (<see cref="MessagingClient.CheckSendBatchAsync"/>): to whom, which kind, and its idempotency key.</summary>
public sealed record SendCheck(string Customer, MessageKind Kind, string MessageId);
