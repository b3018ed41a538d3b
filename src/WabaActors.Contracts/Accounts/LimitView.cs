namespace WabaActors.Contracts.Accounts;

[GenerateSerializer, Immutable, Alias("waba.LimitView")]
public sealed record LimitView([property: Id(0)] int Used, [property: Id(1)] int Max);
