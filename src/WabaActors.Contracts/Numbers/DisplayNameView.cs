namespace WabaActors.Contracts.Numbers;

/// <summary>The display name and its review: status <c>none|pending|approved|rejected</c>.</summary>
[GenerateSerializer, Immutable, Alias("waba.DisplayNameView")]
public sealed record DisplayNameView(
    [property: Id(0)] string? Name,
    [property: Id(1)] string Status,
    [property: Id(2)] DateTimeOffset? DueAt,
    [property: Id(3)] bool Overdue)
{
    [Id(4)] public DateTimeOffset? DecidedAt { get; init; }
    [Id(5)] public string? Reason { get; init; }
}
