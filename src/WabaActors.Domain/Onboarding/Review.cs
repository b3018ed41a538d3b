namespace WabaActors.Domain.Onboarding;

/// <summary>
/// A review with a deadline (commerce policy, display name). <see cref="OverdueRaised"/> records
/// that the overdue event was emitted, so a reminder firing twice raises it once.
/// </summary>
public sealed record Review(ReviewStatus Status, DateTimeOffset RequestedAt, DateTimeOffset DueAt)
{
    public DateTimeOffset? DecidedAt { get; init; }
    public string? Reason { get; init; }
    public bool OverdueRaised { get; init; }

    public static Review Start(DateTimeOffset now, TimeSpan due) => new(ReviewStatus.Pending, now, now + due);

    /// <summary>Still pending at or past its due instant.</summary>
    public bool IsOverdue(DateTimeOffset now) => Status == ReviewStatus.Pending && now >= DueAt;

    public Review Decide(ReviewDecision decision, string? reason, DateTimeOffset now) => this with
    {
        Status = decision.ToStatus(),
        DecidedAt = now,
        Reason = reason,
    };
}
