namespace WabaActors.Contracts.Messaging;

/// <summary>
/// A number asks its account (or portfolio) for a template-recipient slot for a customer with no open
/// window. <see cref="Customer"/> is a phone's digits, or for a BSUID its stable digest (bit 62 set) with
/// the text in <see cref="CustomerBsuid"/>. <see cref="Aliases"/> are the person's other ids as the number
/// knows them (phones and BSUIDs as text); the quota counts the person once. Without <see cref="Settle"/> a
/// quota whose directory knows more ids answers <see cref="TemplateGrantOutcome.Resolve"/>; with it (the
/// number's second ask) it counts the person as its directory knows it and never answers Resolve.
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.TemplateGrantRequest")]
public sealed record TemplateGrantRequest(
    [property: Id(0)] string Phone,
    [property: Id(1)] long Customer,
    [property: Id(2)] string MessageId,
    [property: Id(3)] string? CustomerBsuid = null,
    [property: Id(4)] IReadOnlyList<string>? Aliases = null,
    [property: Id(5)] bool Settle = false);
