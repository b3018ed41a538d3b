using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Onboarding;

/// <summary>Why the account cannot send, as a person reads it: every active hold, with since and until.</summary>
public sealed partial record Account
{
    /// <summary>
    /// Every condition that denies some or all sends now, in the order the send rules check them.
    /// Empty when the account may send (subject to windows and limits).
    /// </summary>
    public IReadOnlyList<AccountHold> Holds(WabaRules rules, DateTimeOffset now)
    {
        var holds = new List<AccountHold>();
        if (Disconnected is { } d)
        {
            holds.Add(new AccountHold(HoldReason.AccountDisconnected, d.Since));
        }

        if (!IsLive)
        {
            holds.Add(new AccountHold(HoldReason.AccountNotLive, CreatedAt));
        }

        if (Disabled)
        {
            holds.Add(new AccountHold(HoldReason.MetaDisabled, DisabledSince ?? CreatedAt));
        }

        if (CommerceReview is { Status: ReviewStatus.Rejected } rejected)
        {
            holds.Add(new AccountHold(HoldReason.CommerceReviewRejected, rejected.DecidedAt ?? rejected.RequestedAt));
        }

        if (IsHeldForReview(rules))
        {
            holds.Add(new AccountHold(HoldReason.AccountUnderReview, CommerceReview!.RequestedAt));
        }

        var r = Restrictions;
        void Restricted(HoldReason reason, DateTimeOffset? since, DateTimeOffset? until)
        {
            if (Restrictions.Active(until, now))
            {
                holds.Add(new AccountHold(reason, since ?? now, until));
            }
        }

        Restricted(HoldReason.RestrictedBusinessInitiated, r.BusinessInitiatedSince, r.BusinessInitiatedUntil);
        Restricted(HoldReason.RestrictedCustomerInitiated, r.CustomerInitiatedSince, r.CustomerInitiatedUntil);
        Restricted(HoldReason.NumberAdditionRestricted, r.AddPhoneNumberSince, r.AddPhoneNumberUntil);
        return holds;
    }
}
