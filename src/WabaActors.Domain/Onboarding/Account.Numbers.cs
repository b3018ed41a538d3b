using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Onboarding;

/// <summary>Step 4: numbers on the account and the account going live.</summary>
public sealed partial record Account
{
    /// <summary>
    /// Adds a number (step 4). Steps 1–3 must be done; every added number counts toward the limit;
    /// re-adding a number already on the account changes nothing. Under a portfolio number limit
    /// (<see cref="QuotaScope.Portfolio"/>) the portfolio counts instead, across its members and
    /// atomically (<see cref="Portfolios.Portfolio.ReserveNumber"/>): the caller reserves the number
    /// there first.
    /// </summary>
    public Result<Changed<Account>> AddNumber(string phone, WabaRules rules, DateTimeOffset now)
    {
        if (FindNumber(phone) is not null)
        {
            return Changed<Account>.Unchanged(this);
        }

        var missing = Enum.GetValues<OnboardingStep>()
            .FirstOrDefault(s => s < OnboardingStep.PhoneNumbers && StepStatus(s) != Onboarding.StepStatus.Done);
        if (missing != default)
        {
            return OutOfOrder(missing, $"Step {(int)missing} ({missing}) must be done before adding a number.");
        }

        if (Restrictions.Active(Restrictions.AddPhoneNumberUntil, now))
        {
            return new DomainError(ErrorCodes.NumberAdditionRestricted, "Meta restricts adding numbers to this account.")
            {
                RetryAt = Restrictions.AddPhoneNumberUntil,
            };
        }

        var limit = NumberLimit(rules);
        if (rules.NumberLimitScope == QuotaScope.Account && Numbers.Count >= limit)
        {
            return new DomainError(ErrorCodes.NumberLimitReached,
                $"The account has {Numbers.Count} of {limit} numbers; business verification raises the limit.");
        }

        return new Changed<Account>(
            this with { Numbers = [.. Numbers, new AccountNumber(phone, now)] },
            [new AccountEvent(AccountEventTypes.NumberAdded, now) { Phone = phone }]);
    }

    /// <summary>
    /// A number's changes, as it reports them from its outbox. The number sends until it hears back, so
    /// the same entries may come again (its answer or its own next write was lost): an entry numbered at
    /// or below the highest this account recorded for the number is a redelivery and is skipped; the
    /// others are recorded and the mark moves to the highest of them, in the same change (ADR 0027). An
    /// entry not numbered (0) is recorded as it comes. A number not on the account changes nothing.
    /// </summary>
    public Changed<Account> NumberReported(string phone, IReadOnlyList<NumberedEvent> entries)
    {
        if (FindNumber(phone) is not { } number || entries.Count == 0)
        {
            return Changed<Account>.Unchanged(this);
        }

        var fresh = entries.Where(e => e.Sequence == 0 || e.Sequence > number.ReportedThrough).ToList();
        if (fresh.Count == 0)
        {
            return Changed<Account>.Unchanged(this);
        }

        var through = Math.Max(number.ReportedThrough, fresh.Max(e => e.Sequence));
        var next = through == number.ReportedThrough
            ? this
            : this with { Numbers = [.. Numbers.Select(n => n.Phone == phone ? n with { ReportedThrough = through } : n)] };
        return new Changed<Account>(next, [.. fresh.Select(e => e.Event)]);
    }

    /// <summary>
    /// A number of this account registered. The first one makes the account live and starts the
    /// commerce-policy review (pending, due after <see cref="WabaRules.CommerceReviewDue"/>).
    /// </summary>
    public Changed<Account> NumberRegistered(string phone, WabaRules rules, DateTimeOffset now)
    {
        var number = FindNumber(phone) ?? throw new InvalidOperationException("The number is not on this account.");
        if (number.RegisteredAt is not null)
        {
            return Changed<Account>.Unchanged(this);
        }

        var wasLive = IsLive;
        var next = this with { Numbers = [.. Numbers.Select(n => n.Phone == phone ? n with { RegisteredAt = now } : n)] };
        if (wasLive)
        {
            return Changed<Account>.Unchanged(next);
        }

        return next.StartCommerceReview(rules, now, [new AccountEvent(AccountEventTypes.AccountLive, now) { Phone = phone }]);
    }
}
