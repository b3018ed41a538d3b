namespace WabaActors.Contracts.Accounts;

/// <summary>
/// The rolling template-recipient set of an account's quota scope at <c>to</c>: the usage of
/// <c>limits.templateRecipients</c> plus the instant each recipient still counted was counted, oldest
/// first, all within (<c>from</c>, <c>to</c>]. No customer ids.
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.TemplateRecipientsView")]
public sealed record TemplateRecipientsView(
    [property: Id(0)] int Used,
    [property: Id(1)] int Limit,
    [property: Id(2)] DateTimeOffset? NextSlotAt,
    [property: Id(3)] DateTimeOffset From,
    [property: Id(4)] DateTimeOffset To,
    [property: Id(5)] IReadOnlyList<DateTimeOffset> CountedAt);
