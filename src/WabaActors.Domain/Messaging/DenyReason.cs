namespace WabaActors.Domain.Messaging;

/// <summary>Why a send is denied; the snake case of the name is the contract's reason string.</summary>
public enum DenyReason
{
    None,
    CustomerServiceWindowClosed,
    TemplateRecipientLimitReached,
    AccountBlocked,
    AccountNotLive,
    NumberNotRegistered,
    RestrictedBusinessInitiated,
    RestrictedCustomerInitiated,

    /// <summary>Meta deleted, unshared or offboarded the WABA (account_update): nothing goes out until it reconnects.</summary>
    AccountDisconnected,

    /// <summary>The commerce-policy review is pending and the rules hold sends meanwhile (Meta's profile).</summary>
    AccountUnderReview,

    /// <summary>The named template is paused for low quality (Meta 132015); retry at the pause's end when known.</summary>
    TemplatePaused,

    /// <summary>The named template is pending, rejected, disabled (132016), archived or deleted (132001).</summary>
    TemplateNotApproved,

    /// <summary>The named template is not in the registry, and the registry must know it.</summary>
    TemplateUnknown,

    /// <summary>A 131049 (Meta's per-user marketing limit) holds marketing templates to the customer for 24 h.</summary>
    MarketingLimitPerUser,

    /// <summary>The customer stopped marketing messages (131050, user_preferences) until a resume.</summary>
    MarketingOptedOut,

    /// <summary>The number's messages per second are used (Meta 130429).</summary>
    ThroughputLimit,

    /// <summary>The pair rate to this customer is used (Meta 131056).</summary>
    PairRateLimit,
}
