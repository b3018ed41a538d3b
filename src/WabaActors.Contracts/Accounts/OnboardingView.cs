namespace WabaActors.Contracts.Accounts;

[GenerateSerializer, Immutable, Alias("waba.OnboardingView")]
public sealed record OnboardingView([property: Id(0)] int Step, [property: Id(1)] IReadOnlyList<StepView> Steps);
