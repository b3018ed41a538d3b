using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Templates;

namespace WabaActors.Client;

/// <summary>
/// One send of a batch (<see cref="MessagingClient.CheckSendBatchAsync"/>): to whom (a phone or a BSUID), which kind,
/// and its idempotency key; <see cref="UserId"/>, beside a phone, is the same person's BSUID and links the two.
/// </summary>
public sealed record SendCheck(string Customer, MessageKind Kind, string MessageId)
{
    /// <summary>The same person's BSUID beside a phone <see cref="Customer"/>, or null.</summary>
    public string? UserId { get; init; }

    /// <summary>The template a template send names (decided on its status in the account's registry), or null.</summary>
    public TemplateRef? Template { get; init; }

    /// <summary>The template's category as the caller knows it (the registry's wins), or null.</summary>
    public TemplateCategory? Category { get; init; }
}
