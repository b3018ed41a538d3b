namespace WabaActors.Contracts.Common;

/// <summary>Who asks: the tenant and WABA named in the request path. A grain answers only its owner.</summary>
[GenerateSerializer, Immutable, Alias("waba.Scope")]
public readonly record struct Scope([property: Id(0)] string Tenant, [property: Id(1)] string Waba);
