namespace WabaActors.Contracts.Accounts;

[GenerateSerializer, Immutable, Alias("waba.StepView")]
public sealed record StepView([property: Id(0)] int Step, [property: Id(1)] string Status, [property: Id(2)] DateTimeOffset? CompletedAt);
