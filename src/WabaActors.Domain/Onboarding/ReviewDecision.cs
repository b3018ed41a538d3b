namespace WabaActors.Domain.Onboarding;

public enum ReviewDecision
{
    Approved,
    Rejected,
}

public static class ReviewDecisions
{
    /// <summary>The status a review has once decided so.</summary>
    public static ReviewStatus ToStatus(this ReviewDecision decision) =>
        decision == ReviewDecision.Approved ? ReviewStatus.Approved : ReviewStatus.Rejected;
}
