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
}
