namespace WabaActors.Contracts.Accounts;

/// <summary>A history entry before the account numbers it (the domain's <c>AccountEvent</c> on the wire).</summary>
[GenerateSerializer, Immutable, Alias("waba.HistoryEntry")]
public sealed record HistoryEntry([property: Id(0)] string Type, [property: Id(1)] DateTimeOffset At)
{
    [Id(2)] public string? Phone { get; init; }
    [Id(3)] public string? Value { get; init; }
    [Id(4)] public string? Reason { get; init; }
}
