using WabaActors.Contracts.Numbers;

namespace WabaActors.Contracts.Accounts;

/// <summary>An account (one WABA of a tenant): its status, onboarding, reviews, limits, numbers and active holds.</summary>
[GenerateSerializer, Immutable, Alias("waba.AccountView")]
public sealed record AccountView(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string Waba,
    [property: Id(2)] string? Name,
    [property: Id(3)] string Status,
    [property: Id(4)] OnboardingView Onboarding,
    [property: Id(5)] ReviewView CommercePolicyReview,
    [property: Id(6)] BusinessVerificationView BusinessVerification,
    [property: Id(7)] LimitsView Limits,
    [property: Id(8)] IReadOnlyList<NumberView> Numbers)
{
    /// <summary>Every active condition that denies some or all sends (empty when none), so a person sees why.</summary>
    [Id(9)] public IReadOnlyList<HoldView> Holds { get; init; } = [];
}
