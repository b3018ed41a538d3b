namespace WabaActors.Contracts.Messaging;

/// <summary>A number asks its account (or portfolio) for a template-recipient slot for a customer with no open window.</summary>
[GenerateSerializer, Immutable, Alias("waba.TemplateGrantRequest")]
public sealed record TemplateGrantRequest([property: Id(0)] string Phone, [property: Id(1)] long Customer, [property: Id(2)] string MessageId);
