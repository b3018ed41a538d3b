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
}
