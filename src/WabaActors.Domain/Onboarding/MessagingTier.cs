using System.Globalization;
using WabaActors.Domain.Common;

namespace WabaActors.Domain.Onboarding;

/// <summary>
/// Meta's business-initiated messaging limit (<c>max_daily_conversations_per_business</c>): a tier
/// name (<c>TIER_250</c> … <c>TIER_UNLIMITED</c>) or a plain number. Unlimited is <see cref="int.MaxValue"/>.
/// </summary>
public static class MessagingTier
{
    public const int Unlimited = int.MaxValue;

    private static readonly Dictionary<string, int> Tiers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TIER_50"] = 50,
        ["TIER_250"] = 250,
        ["TIER_1K"] = 1_000,
        ["TIER_2K"] = 2_000,
        ["TIER_10K"] = 10_000,
        ["TIER_100K"] = 100_000,
        ["TIER_UNLIMITED"] = Unlimited,
    };

    public static Result<int> Parse(string? value, string field) =>
        value is not null && Tiers.TryGetValue(value.Trim(), out var tier) ? tier
        : PositiveWholeNumber(value, field, $"{field} must be a tier (TIER_250, TIER_1K, TIER_2K, TIER_10K, TIER_100K, TIER_UNLIMITED) or a positive whole number.");

    /// <summary>1 to <see cref="int.MaxValue"/>, digits only.</summary>
    public static Result<int> PositiveWholeNumber(string? value, string field, string message)
    {
        var text = value?.Trim();
        return text is { Length: > 0 } && Text.IsAsciiDigits(text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : DomainError.Invalid(field, message);
    }

    /// <summary>How the history writes a limit.</summary>
    public static string Describe(int limit) =>
        limit == Unlimited ? "unlimited" : limit.ToString(CultureInfo.InvariantCulture);
}
