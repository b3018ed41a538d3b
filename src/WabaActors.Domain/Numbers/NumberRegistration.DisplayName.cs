using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Numbers;

/// <summary>The display name and Meta's review of it.</summary>
public sealed partial record NumberRegistration
{
    /// <summary>Sets (or replaces) the display name; its review starts pending, due after <see cref="WabaRules.DisplayNameReviewDue"/>.</summary>
    public Result<Changed<NumberRegistration>> SubmitDisplayName(string? name, WabaRules rules, DateTimeOffset now)
    {
        var parsed = Text.Parse(name, "name");
        if (!parsed.IsSuccess)
        {
            return DomainError.Invalid("name", parsed.Error!.Message);
        }

        // The same name again while pending or approved is a retry, not a new request: it must not undo an approval.
        if (DisplayName is { Review.Status: ReviewStatus.Pending or ReviewStatus.Approved } current && current.Name == parsed.Value)
        {
            return Changed<NumberRegistration>.Unchanged(this);
        }

        var next = new DisplayName(parsed.Value, Review.Start(now, rules.DisplayNameReviewDue));
        return new Changed<NumberRegistration>(this with { DisplayName = next },
            [new AccountEvent(AccountEventTypes.DisplayNameSubmitted, now) { Phone = Phone, Value = next.Name }]);
    }

    /// <summary>Meta's decision on the submitted name; a later decision replaces an earlier one.</summary>
    public Result<Changed<NumberRegistration>> DecideDisplayName(ReviewDecision decision, string? reason, DateTimeOffset now)
    {
        if (DisplayName is not { } current)
        {
            return new DomainError(ErrorCodes.ReviewNotRequested, "No display name has been submitted for review.");
        }

        return new Changed<NumberRegistration>(this with { DisplayName = current with { Review = current.Review.Decide(decision, reason, now) } },
            [new AccountEvent(AccountEventTypes.DisplayNameDecided, now) { Phone = Phone, Value = SnakeCase.Of(decision), Reason = reason }]);
    }

    /// <summary>The review deadline passed: raise overdue once (at the due instant).</summary>
    public Changed<NumberRegistration> DisplayNameDeadlineReached(DateTimeOffset now)
    {
        if (DisplayName is not { } current || !current.Review.IsOverdue(now) || current.Review.OverdueRaised)
        {
            return Changed<NumberRegistration>.Unchanged(this);
        }

        return new Changed<NumberRegistration>(this with { DisplayName = current with { Review = current.Review with { OverdueRaised = true } } },
            [new AccountEvent(AccountEventTypes.DisplayNameReviewOverdue, current.Review.DueAt) { Phone = Phone }]);
    }
}
