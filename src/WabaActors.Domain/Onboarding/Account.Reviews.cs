using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Onboarding;

/// <summary>Commerce-policy review and business verification.</summary>
public sealed partial record Account
{
    /// <summary>
    /// Records the commerce-policy decision (an operator's, or Meta's once live). Rejected blocks the
    /// account; a later decision replaces the earlier one (approved unblocks). Before the account is
    /// live there is no review to decide.
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

    /// <summary>
    /// Meta's word on the review (<c>account_review_update</c>); the last one that arrives wins, and
    /// one that repeats the state changes nothing.
    /// <list type="bullet">
    /// <item>Before go-live it is kept (any decision; PENDING/DEFERRED only under rules that hold
    /// sends for the review) and takes effect when the account goes live.</item>
    /// <item>Once live, APPROVED/REJECTED decide the review; PENDING/DEFERRED reopen a decided review
    /// (pending again, with a new due instant) only under rules that hold sends for the review (Meta's):
    /// under the document's rules they change nothing.</item>
    /// </list>
    /// </summary>
    public Changed<Account> ApplyMetaReview(MetaReviewDecision decision, WabaRules rules, DateTimeOffset now)
    {
        var word = new MetaReviewWord(decision, now);
        var holds = !rules.SendsAllowedWhileReviewPending;
        if (word.AsDecision is null && !holds)
        {
            return Changed<Account>.Unchanged(this);
        }

        if (CommerceReview is not { } review)
        {
            return MetaReview?.Decision == decision
                ? Changed<Account>.Unchanged(this)
                : new Changed<Account>(this with { MetaReview = word },
                    [new AccountEvent(AccountEventTypes.CommerceReviewReceived, now) { Value = Snake(decision) }]);
        }

        if (word.AsDecision is { } d)
        {
            if (review.Status == d.ToStatus())
            {
                return Changed<Account>.Unchanged(this);
            }

            var decided = (this with { MetaReview = word }).DecideCommerceReview(d, null, now).Value;
            return decided;
        }

        if (review.Status == ReviewStatus.Pending)
        {
            return Changed<Account>.Unchanged(this);
        }

        var reopened = Review.Start(now, rules.CommerceReviewDue);
        var events = new List<AccountEvent>
        {
            new(AccountEventTypes.CommerceReviewRequested, now) { Value = reopened.DueAt.ToString("O"), Reason = Snake(decision) },
        };
        var next = this with { CommerceReview = reopened, MetaReview = word };
        AddBlockTransition(Status, next.Status, now, events);
        return new Changed<Account>(next, events);
    }

    /// <summary>At go-live: the review starts, and a decision Meta sent before is applied at once.</summary>
    private Changed<Account> StartCommerceReview(WabaRules rules, DateTimeOffset now, List<AccountEvent> events)
    {
        var started = this with { CommerceReview = Review.Start(now, rules.CommerceReviewDue) };
        events.Add(new AccountEvent(AccountEventTypes.CommerceReviewRequested, now) { Value = started.CommerceReview!.DueAt.ToString("O") });
        if (MetaReview?.AsDecision is not { } decided)
        {
            return new Changed<Account>(started, events);
        }

        var applied = started.DecideCommerceReview(decided, null, now).Value;
        events.AddRange(applied.Events);
        return new Changed<Account>(applied.State, events);
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
