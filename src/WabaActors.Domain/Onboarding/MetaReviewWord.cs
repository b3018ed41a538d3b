namespace WabaActors.Domain.Onboarding;

/// <summary>Meta's <c>account_review_update.decision</c>.</summary>
public enum MetaReviewDecision
{
    Approved,
    Rejected,
    Pending,
    Deferred,
}

/// <summary>
/// The last word Meta said about the commerce-policy review (webhook) and when it arrived. Kept
/// before the account is live here, so that a decision Meta took as soon as the WABA existed takes
/// effect at go-live.
/// </summary>
public sealed record MetaReviewWord(MetaReviewDecision Decision, DateTimeOffset At)
{
    /// <summary>APPROVED or REJECTED as a review decision; null for PENDING and DEFERRED.</summary>
    public ReviewDecision? AsDecision => Decision switch
    {
        MetaReviewDecision.Approved => ReviewDecision.Approved,
        MetaReviewDecision.Rejected => ReviewDecision.Rejected,
        _ => null,
    };

    /// <summary>Parses Meta's value (any case); null when it is none of the four.</summary>
    public static MetaReviewDecision? Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "APPROVED" => MetaReviewDecision.Approved,
        "REJECTED" => MetaReviewDecision.Rejected,
        "PENDING" => MetaReviewDecision.Pending,
        "DEFERRED" => MetaReviewDecision.Deferred,
        _ => null,
    };
}
