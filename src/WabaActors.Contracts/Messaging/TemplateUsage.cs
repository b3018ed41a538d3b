namespace WabaActors.Contracts.Messaging;

[GenerateSerializer, Immutable, Alias("waba.TemplateUsage")]
public sealed record TemplateUsage([property: Id(0)] int Used, [property: Id(1)] int Limit);
