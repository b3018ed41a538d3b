namespace WabaActors.Contracts.Accounts;

/// <summary>A history entry before the account numbers it (the domain's <c>AccountEvent</c> on the wire).</summary>
[GenerateSerializer, Immutable, Alias("waba.HistoryEntry")]
public sealed record HistoryEntry([property: Id(0)] string Type, [property: Id(1)] DateTimeOffset At)
{
    [Id(2)] public string? Phone { get; init; }
    [Id(3)] public string? Value { get; init; }
    [Id(4)] public string? Reason { get; init; }

    /// <summary>
    /// The number's own count of the entries it sent (1, 2, …), so that the account records a redelivered
    /// entry once (ADR 0027); 0 for an entry not numbered (from a silo of an earlier version).
    /// </summary>
    [Id(5)] public long Sequence { get; init; }
}
