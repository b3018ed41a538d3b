using WabaActors.Domain.Common;
using WabaActors.Domain.Onboarding;

namespace WabaActors.Grains.Mapping;

/// <summary>Meta's review decisions (webhooks, upper case) → the contract's decisions; null when the value decides nothing.</summary>
internal static class MetaDecisions
{
    /// <summary><c>account_review_update.decision</c>: PENDING and DEFERRED decide nothing.</summary>
    public static bool TryCommerceReview(string? value, out ReviewDecision? decision)
    {
        (var known, decision) = value?.Trim().ToUpperInvariant() switch
        {
            "APPROVED" => (true, ReviewDecision.Approved),
            "REJECTED" => (true, ReviewDecision.Rejected),
            "PENDING" or "DEFERRED" => (true, (ReviewDecision?)null),
            _ => (false, null),
        };
        return known;
    }

    /// <summary><c>phone_number_name_update.decision</c> → <c>approved</c>/<c>rejected</c>.</summary>
    public static string? DisplayName(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "APPROVED" => "approved",
        "DECLINED" or "REJECTED" => "rejected",
        _ => null,
    };

    /// <summary>Meta writes "NONE" when there is no rejection reason; a reason the contract cannot hold is dropped, not the decision.</summary>
    public static string? Reason(string? value) =>
        value is null || value.Trim().Equals("NONE", StringComparison.OrdinalIgnoreCase) ? null
        : Text.ParseOptional(value, "reason") is { IsSuccess: true } parsed ? parsed.Value : null;
}
