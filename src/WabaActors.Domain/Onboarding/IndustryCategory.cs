namespace WabaActors.Domain.Onboarding;

/// <summary>The fixed list of industry categories (Meta's business verticals), as lower snake case.</summary>
public static class IndustryCategory
{
    public static IReadOnlyList<string> All { get; } =
    [
        "automotive", "beauty_spa_salon", "clothing_apparel", "education", "entertainment",
        "event_planning_service", "finance_banking", "food_grocery", "public_service", "hotel_lodging",
        "medical_health", "non_profit", "professional_services", "shopping_retail",
        "travel_transportation", "restaurant", "other",
    ];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}
