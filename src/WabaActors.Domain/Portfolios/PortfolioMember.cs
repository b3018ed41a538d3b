namespace WabaActors.Domain.Portfolios;

/// <summary>
/// A WABA of a portfolio and the facts of it that set the portfolio's limits: its numbers (every added
/// number counts, registered or not), its business verification, and the limits Meta reported for it.
/// </summary>
public sealed record PortfolioMember(string Waba)
{
    public bool BusinessVerified { get; init; }

    /// <summary>Meta's <c>max_daily_conversations_per_business</c> as this member last reported it.</summary>
    public int? TemplateLimitOverride { get; init; }

    /// <summary>Meta's <c>max_phone_numbers_per_*</c> as this member last reported it.</summary>
    public int? NumberLimitOverride { get; init; }

    public IReadOnlyList<string> Numbers { get; init; } = [];

    /// <summary>True when both hold the same facts (the numbers compared as a set).</summary>
    public bool SameFactsAs(PortfolioMember? other) =>
        other is not null && other.Waba == Waba && other.BusinessVerified == BusinessVerified
        && other.TemplateLimitOverride == TemplateLimitOverride && other.NumberLimitOverride == NumberLimitOverride
        && other.Numbers.Count == Numbers.Count && !other.Numbers.Except(Numbers, StringComparer.Ordinal).Any();
}
