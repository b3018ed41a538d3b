namespace WabaActors.Contracts.Portfolios;

/// <summary>
/// A portfolio's limits as of <see cref="Version"/> (counted up on every change): the numbers of all its
/// members, and the number limit and template-recipient limit they share. Receivers keep the highest version.
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.SharedLimits")]
public sealed record SharedLimits(
    [property: Id(0)] string BusinessManagerId,
    [property: Id(1)] int NumbersUsed,
    [property: Id(2)] int NumberLimit,
    [property: Id(3)] int TemplateLimit,
    [property: Id(4)] long Version);
