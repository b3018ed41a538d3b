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

    /// <summary>
    /// Meta's decision from <c>phone_number_name_update</c>, for the name it names
    /// (<c>requested_verified_name</c>, when given):
    /// <list type="bullet">
    /// <item>no name submitted here (it was given at creation, outside this API): the name is adopted
    /// with Meta's decision;</item>
    /// <item>a decision for another name than the one here changes nothing but the history
    /// (<c>display_name_decision_ignored</c>): it must not be applied to the wrong name;</item>
    /// <item>otherwise it decides the name's review; the decision it already has changes nothing.</item>
    /// </list>
    /// </summary>
    public Result<Changed<NumberRegistration>> ApplyMetaDisplayNameDecision(
        ReviewDecision decision, string? requestedName, string? reason, DateTimeOffset now)
    {
        var requested = Text.ParseOptional(requestedName, "requested_verified_name");
        if (!requested.IsSuccess)
        {
            return DomainError.Invalid("requested_verified_name", requested.Error!.Message);
        }

        var name = requested.Value;
        var status = decision.ToStatus();
        var decided = new AccountEvent(AccountEventTypes.DisplayNameDecided, now) { Phone = Phone, Value = SnakeCase.Of(decision), Reason = reason };
        if (DisplayName is not { } current)
        {
            if (name is null)
            {
                return new DomainError(ErrorCodes.ReviewNotRequested, "No display name is known for this number and Meta's decision names none.");
            }

            var adopted = new DisplayName(name, new Review(status, now, now) { DecidedAt = now, Reason = reason, OverdueRaised = true });
            return new Changed<NumberRegistration>(this with { DisplayName = adopted },
            [
                new AccountEvent(AccountEventTypes.DisplayNameSubmitted, now) { Phone = Phone, Value = name, Reason = "requested_verified_name" },
                decided,
            ]);
        }

        if (name is not null && !string.Equals(name, current.Name, StringComparison.OrdinalIgnoreCase))
        {
            return new Changed<NumberRegistration>(this,
                [new AccountEvent(AccountEventTypes.DisplayNameDecisionIgnored, now) { Phone = Phone, Value = name, Reason = SnakeCase.Of(decision) }]);
        }

        return current.Review.Status == status
            ? Changed<NumberRegistration>.Unchanged(this)
            : DecideDisplayName(decision, reason, now);
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
