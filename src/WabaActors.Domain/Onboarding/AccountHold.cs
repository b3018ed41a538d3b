namespace WabaActors.Domain.Onboarding;

/// <summary>Why an account cannot send some or all messages; the snake case of the name is the view's <c>reason</c>.</summary>
public enum HoldReason
{
    /// <summary>No number registered yet: every send is denied <c>account_not_live</c>.</summary>
    AccountNotLive,

    /// <summary>Meta deleted, unshared or offboarded the WABA: every send is denied <c>account_disconnected</c>.</summary>
    AccountDisconnected,

    /// <summary>Meta banned the WABA (DISABLED_UPDATE / DISABLE): every send is denied <c>account_blocked</c>.</summary>
    MetaDisabled,

    /// <summary>The commerce-policy review rejected it: every send is denied <c>account_blocked</c>.</summary>
    CommerceReviewRejected,

    /// <summary>The review is pending and the rules hold sends meanwhile (<c>meta</c>): <c>account_under_review</c>.</summary>
    AccountUnderReview,

    /// <summary>Templates outside the window are denied until <see cref="AccountHold.Until"/>.</summary>
    RestrictedBusinessInitiated,

    /// <summary>Replies are denied until <see cref="AccountHold.Until"/>.</summary>
    RestrictedCustomerInitiated,

    /// <summary>Adding numbers is refused until <see cref="AccountHold.Until"/>.</summary>
    NumberAdditionRestricted,
}

/// <summary>One active condition that denies some or all sends: why, since when, and until when if it ends by itself.</summary>
public sealed record AccountHold(HoldReason Reason, DateTimeOffset Since, DateTimeOffset? Until = null);
