using WabaActors.Contracts.Accounts;

namespace WabaActors.Contracts.Numbers;

/// <summary>The number joined the account: its view and the history entries for the account to append.</summary>
[GenerateSerializer, Immutable, Alias("waba.NumberClaimed")]
public sealed record NumberClaimed([property: Id(0)] NumberView Number, [property: Id(1)] IReadOnlyList<HistoryEntry> Events);
