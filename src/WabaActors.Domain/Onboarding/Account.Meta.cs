using WabaActors.Domain.Common;
using WabaActors.Domain.Events;

namespace WabaActors.Domain.Onboarding;

/// <summary>What Meta decides about the account (webhooks): restrictions, the ban, capability limits.</summary>
public sealed partial record Account
{
    /// <summary>
    /// ACCOUNT_RESTRICTION: each enforced restriction type (in any of Meta's spellings) is active until
    /// its expiration (the latest one when a type repeats); a type not listed keeps what it had. A type
    /// the rules do not enforce, or do not know, is kept in the history (never read as "nothing").
    /// </summary>
    public Result<Changed<Account>> ApplyRestrictions(IReadOnlyList<MetaRestriction> notices, DateTimeOffset now)
    {
        var v = new Validator();
        for (var i = 0; i < notices.Count; i++)
        {
            v.Check(!notices[i].IsKnown || notices[i].Expiration is not null, $"restriction_info[{i}].expiration",
                $"restriction_info[{i}].expiration is required for {notices[i].Type}.");
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        DateTimeOffset? Until(RestrictionKind kind, DateTimeOffset? current) =>
            notices.Where(n => n.Kind == kind).Max(n => n.Expiration) ?? current;

        var r = Restrictions;
        var business = Until(RestrictionKind.BusinessInitiated, r.BusinessInitiatedUntil);
        var customer = Until(RestrictionKind.CustomerInitiated, r.CustomerInitiatedUntil);
        var add = Until(RestrictionKind.AddPhoneNumber, r.AddPhoneNumberUntil);
        var next = new Restrictions
        {
            BusinessInitiatedUntil = business,
            CustomerInitiatedUntil = customer,
            AddPhoneNumberUntil = add,
            BusinessInitiatedSince = business != r.BusinessInitiatedUntil ? now : r.BusinessInitiatedSince,
            CustomerInitiatedSince = customer != r.CustomerInitiatedUntil ? now : r.CustomerInitiatedSince,
            AddPhoneNumberSince = add != r.AddPhoneNumberUntil ? now : r.AddPhoneNumberSince,
        };
        var events = new List<AccountEvent>();
        void Compare(string what, DateTimeOffset? before, DateTimeOffset? after)
        {
            if (before != after)
            {
                events.Add(new AccountEvent(AccountEventTypes.RestrictionsChanged, now) { Value = $"{what}:{after:O}" });
            }
        }

        Compare("restricted_business_initiated", r.BusinessInitiatedUntil, business);
        Compare("restricted_customer_initiated", r.CustomerInitiatedUntil, customer);
        Compare(ErrorCodes.NumberAdditionRestricted, r.AddPhoneNumberUntil, add);
        foreach (var other in notices.Where(n => n.Kind is RestrictionKind.NotEnforced or RestrictionKind.Unknown))
        {
            events.Add(new AccountEvent(AccountEventTypes.RestrictionNotEnforced, now)
            {
                Value = Text.Clean(MetaRestriction.Normalize(other.Type) ?? "(none)", 128),
                Reason = other.Expiration is { } e ? $"until {e:O}" : null,
            });
        }

        return events.Count == 0 ? Changed<Account>.Unchanged(this)
            : new Changed<Account>(next == r ? this : this with { Restrictions = next }, events);
    }

    /// <summary>
    /// DISABLED_UPDATE: <c>DISABLE</c> bans the account (blocked once live), <c>REINSTATE</c> lifts the ban
    /// (a rejected review still blocks), <c>SCHEDULE_FOR_DISABLE</c> is recorded and changes nothing else.
    /// </summary>
    public Result<Changed<Account>> ApplyBanState(string? banState, DateTimeOffset now)
    {
        var state = BanStates.Parse(banState);
        if (state is null)
        {
            return DomainError.Invalid("waba_ban_state", "waba_ban_state must be SCHEDULE_FOR_DISABLE, DISABLE or REINSTATE.");
        }

        if (state == BanState.ScheduleForDisable)
        {
            return new Changed<Account>(this, [new AccountEvent(AccountEventTypes.BanScheduled, now)]);
        }

        var disabled = state == BanState.Disable;
        if (disabled == Disabled)
        {
            return Changed<Account>.Unchanged(this);
        }

        var next = this with { Disabled = disabled, DisabledSince = disabled ? now : null };
        var events = new List<AccountEvent> { new(disabled ? AccountEventTypes.AccountDisabled : AccountEventTypes.AccountReinstated, now) };
        AddBlockTransition(Status, next.Status, now, events);
        return new Changed<Account>(next, events);
    }

    /// <summary>
    /// business_capability_update (and the older fields that carry the same limits): the
    /// template-recipient limit from <c>max_daily_conversations_per_business</c> and the number limit
    /// from <c>max_phone_numbers_per_*</c>, each when present; both are checked before either applies.
    /// </summary>
    public Result<Changed<Account>> ApplyCapabilities(string? maxDailyConversations, string? maxPhoneNumbers, DateTimeOffset now)
    {
        var v = new Validator();
        var templates = maxDailyConversations is null ? (int?)null
            : v.Parse("max_daily_conversations_per_business", () => MessagingTier.Parse(maxDailyConversations, "max_daily_conversations_per_business"));
        var numbers = maxPhoneNumbers is null ? (int?)null
            : v.Parse("max_phone_numbers", () => MessagingTier.PositiveWholeNumber(maxPhoneNumbers, "max_phone_numbers",
                "max_phone_numbers_per_waba / _per_business must be a positive whole number."));
        if (!v.IsValid)
        {
            return v.ToError();
        }

        var next = this with
        {
            TemplateRecipientLimitOverride = templates ?? TemplateRecipientLimitOverride,
            NumberLimitOverride = numbers ?? NumberLimitOverride,
        };
        var events = new List<AccountEvent>();
        if (next.TemplateRecipientLimitOverride != TemplateRecipientLimitOverride)
        {
            events.Add(new AccountEvent(AccountEventTypes.TemplateLimitChanged, now) { Value = MessagingTier.Describe(templates!.Value) });
        }

        if (next.NumberLimitOverride != NumberLimitOverride)
        {
            events.Add(new AccountEvent(AccountEventTypes.NumberLimitChanged, now) { Value = MessagingTier.Describe(numbers!.Value) });
        }

        return events.Count == 0 ? Changed<Account>.Unchanged(this) : new Changed<Account>(next, events);
    }
}
