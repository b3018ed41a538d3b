namespace WabaActors.Contracts.Accounts;

/// <summary>Template recipients used in the rolling 24 h, the limit, and when a slot frees (null below the limit).</summary>
[GenerateSerializer, Immutable, Alias("waba.RecipientLimitView")]
public sealed record RecipientLimitView([property: Id(0)] int Used, [property: Id(1)] int Limit, [property: Id(2)] DateTimeOffset? NextSlotAt);
