namespace WabaActors.Contracts.Portfolios;

/// <summary>A portfolio: the tenant that claimed it (null: unclaimed), its member WABA ids and its limits.</summary>
[GenerateSerializer, Immutable, Alias("waba.PortfolioView")]
public sealed record PortfolioView(
    [property: Id(0)] string BusinessManagerId,
    [property: Id(1)] string? Owner,
    [property: Id(2)] IReadOnlyList<string> Members,
    [property: Id(3)] SharedLimits Limits);
