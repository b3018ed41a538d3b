namespace WabaActors.Contracts.Templates;

/// <summary>The template a permit names: its name and language, as registered with Meta.</summary>
[GenerateSerializer, Immutable, Alias("waba.TemplateRef")]
public sealed record TemplateRef([property: Id(0)] string Name, [property: Id(1)] string Language);
