namespace WabaActors.Contracts.Templates;

/// <summary>
/// A template's category and status set over HTTP (<c>PUT …/templates/{name}/{language}</c>): the registry's
/// entry becomes exactly this. <see cref="PausedUntil"/> is the end of a pause when known.
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.TemplateUpdate")]
public sealed record TemplateUpdate(
    [property: Id(0)] TemplateRef Template,
    [property: Id(1)] TemplateCategory? Category,
    [property: Id(2)] TemplateStatus Status,
    [property: Id(3)] DateTimeOffset? PausedUntil = null);
