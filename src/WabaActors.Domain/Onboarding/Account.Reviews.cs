using WabaActors.Domain.Common;
using WabaActors.Domain.Events;

namespace WabaActors.Domain.Onboarding;

/// <summary>Commerce-policy review and business verification.</summary>
public sealed partial record Account
{
    /// <summary>
    /// Records the commerce-policy decision. Rejected blocks the account; a later decision replaces
    /// the earlier one (approved unblocks). Before the account is live there is no review to decide.
    /// </summary>
    public Result<Changed<Account>> DecideCommerceReview(ReviewDecision decision, string? reason, DateTimeOffset now)
    {
        if (CommerceReview is null)
        {
            return new DomainError(ErrorCodes.ReviewNotRequested, "The commerce-policy review starts when the account goes live.");
        }

        var before = Status;
        var next = this with { CommerceReview = CommerceReview.Decide(decision, reason, now) };
        var events = new List<AccountEvent>
        {
            new(AccountEventTypes.CommerceReviewDecided, now) { Value = Snake(decision), Reason = reason },
        };
        AddBlockTransition(before, next.Status, now, events);
        return new Changed<Account>(next, events);
    }

    /// <summary>The review deadline passed: raise overdue once (the event's instant is the due instant).</summary>
    public Changed<Account> CommerceReviewDeadlineReached(DateTimeOffset now)
    {
        if (CommerceReview is not { } review || !review.IsOverdue(now) || review.OverdueRaised)
        {
            return Changed<Account>.Unchanged(this);
        }

        return new Changed<Account>(
            this with { CommerceReview = review with { OverdueRaised = true } },
            [new AccountEvent(AccountEventTypes.CommerceReviewOverdue, review.DueAt)]);
    }

    /// <summary>Business verification moves to <paramref name="status"/>; verified lifts the number and template limits.</summary>
    public Changed<Account> SetBusinessVerification(BusinessVerificationStatus status, DateTimeOffset now) =>
        status == BusinessVerification
            ? Changed<Account>.Unchanged(this)
            : new Changed<Account>(this with { BusinessVerification = status },
                [new AccountEvent(AccountEventTypes.BusinessVerificationChanged, now) { Value = Snake(status) }]);

    private static void AddBlockTransition(AccountStatus before, AccountStatus after, DateTimeOffset now, List<AccountEvent> events)
    {
        if (before != AccountStatus.Blocked && after == AccountStatus.Blocked)
        {
            events.Add(new AccountEvent(AccountEventTypes.AccountBlocked, now));
        }
        else if (before == AccountStatus.Blocked && after != AccountStatus.Blocked)
        {
            events.Add(new AccountEvent(AccountEventTypes.AccountUnblocked, now));
        }
    }

    private static string Snake<TEnum>(TEnum value) where TEnum : struct, Enum => SnakeCase.Of(value);
}
