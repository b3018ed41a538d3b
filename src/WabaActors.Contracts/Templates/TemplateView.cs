namespace WabaActors.Contracts.Templates;

/// <summary>One template of the account's registry: what permits naming it are decided on.</summary>
[GenerateSerializer, Immutable, Alias("waba.TemplateView")]
public sealed record TemplateView(
    [property: Id(0)] string Name,
    [property: Id(1)] string Language,
    [property: Id(2)] TemplateCategory? Category,
    [property: Id(3)] TemplateStatus Status,
    [property: Id(4)] DateTimeOffset? PausedUntil,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] bool Sendable);

/// <summary>The account's template registry, ordered by name then language.</summary>
[GenerateSerializer, Immutable, Alias("waba.TemplateList")]
public sealed record TemplateList([property: Id(0)] IReadOnlyList<TemplateView> Templates);
