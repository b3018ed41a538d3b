using WabaActors.Contracts.Common;

namespace WabaActors.Contracts.Numbers;

/// <summary>An account asks a number to join it and send its first code.</summary>
[GenerateSerializer, Immutable, Alias("waba.NumberClaim")]
public sealed record NumberClaim([property: Id(0)] Scope Owner, [property: Id(1)] AddNumberRequest Request);
