using WabaActors.Contracts.Messaging;

namespace WabaActors.Client;

/// <summary>
/// One send of a batch (<see cref="MessagingClient.CheckSendBatchAsync"/>): to whom (a phone or a BSUID), which kind,
/// and its idempotency key; <see cref="UserId"/>, beside a phone, is the same person's BSUID and links the two.
/// </summary>
public sealed record SendCheck(string Customer, MessageKind Kind, string MessageId)
{
    /// <summary>The same person's BSUID beside a phone <see cref="Customer"/>, or null.</summary>
    public string? UserId { get; init; }
}
