namespace WabaActors.Contracts.Portfolios;

/// <summary>
/// What an account tells its portfolio about itself: its tenant and WABA id, and the facts that set the
/// portfolio's limits — business verification, the limits Meta reported for it, and its numbers.
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.MemberFacts")]
public sealed record MemberFacts(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string Waba,
    [property: Id(2)] bool BusinessVerified,
    [property: Id(3)] int? TemplateLimitOverride,
    [property: Id(4)] int? NumberLimitOverride,
    [property: Id(5)] IReadOnlyList<string> Numbers);
