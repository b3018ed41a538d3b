namespace WabaActors.Contracts.Messaging;

/// <summary>
/// A customer's message or call to a number, with the customer's own timestamp. <see cref="Customer"/> is
/// a phone or a BSUID; <see cref="UserId"/>, when given beside a phone, is the same person's BSUID and
/// links the two (docs/api.md, "Customers are people").
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.InboundMessage")]
public sealed record InboundMessage(
    [property: Id(0)] string Customer,
    [property: Id(1)] string MessageId,
    [property: Id(2)] DateTimeOffset Timestamp,
    [property: Id(3)] string? UserId = null,
    [property: Id(4)] InboundKind Kind = InboundKind.Message,
    [property: Id(5)] EntryPoint EntryPoint = EntryPoint.None);
