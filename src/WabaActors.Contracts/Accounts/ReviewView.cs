namespace WabaActors.Contracts.Accounts;

/// <summary>A review with a deadline; <c>status</c> is null before it is requested.</summary>
[GenerateSerializer, Immutable, Alias("waba.ReviewView")]
public sealed record ReviewView(
    [property: Id(0)] string? Status,
    [property: Id(1)] DateTimeOffset? RequestedAt,
    [property: Id(2)] DateTimeOffset? DueAt,
    [property: Id(3)] bool Overdue,
    [property: Id(4)] DateTimeOffset? DecidedAt)
{
    [Id(5)] public string? Reason { get; init; }
}
