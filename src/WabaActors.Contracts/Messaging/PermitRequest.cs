namespace WabaActors.Contracts.Messaging;

/// <summary>
/// May this message go out now? <see cref="MessageId"/> is the idempotency key. <see cref="Customer"/> is a
/// phone or a BSUID; <see cref="UserId"/>, beside a phone, is the same person's BSUID and links the two.
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.PermitRequest")]
public sealed record PermitRequest(
    [property: Id(0)] string Customer,
    [property: Id(1)] MessageKind Type,
    [property: Id(2)] string MessageId,
    [property: Id(3)] string? UserId = null)
{
    /// <summary>The template a template permit sends, when named: decided on its status in the account's registry.</summary>
    [Id(4)] public Templates.TemplateRef? Template { get; init; }

    /// <summary>The template's category as the caller knows it; the registry's category wins.</summary>
    [Id(5)] public Templates.TemplateCategory? Category { get; init; }
}
