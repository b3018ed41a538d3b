using WabaActors.Domain.Identity;
using WabaActors.Domain.Onboarding;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// The send decision, in the order the checks apply: the account (blocked, not live), the number
/// (registered), then the message type — a session message needs an open window; a template inside
/// an open window is a reply and counts nothing; otherwise it needs a recipient slot.
/// </summary>
public static class SendRules
{
    // Immutable and the same for every number: the commonest denial is answered without allocating.
    private static readonly SendDecision WindowClosed =
        SendDecision.Deny(DenyReason.CustomerServiceWindowClosed, "No open customer-service window: send a template.");

    /// <summary>Denies every send through a gate that is disconnected, blocked, not live, or held for the review.</summary>
    public static SendDecision? CheckGate(SendGate gate) => gate.Status switch
    {
        AccountStatus.Disconnected => SendDecision.Deny(DenyReason.AccountDisconnected,
            "Meta deleted, unshared or offboarded the WhatsApp Business Account; it sends again once reconnected."),
        AccountStatus.Blocked => SendDecision.Deny(DenyReason.AccountBlocked,
            gate.Disabled ? "Meta disabled the account." : "The commerce-policy review rejected the account."),
        AccountStatus.Onboarding => SendDecision.Deny(DenyReason.AccountNotLive, "No number of the account is registered yet."),
        _ when gate.HeldForReview => SendDecision.Deny(DenyReason.AccountUnderReview,
            "The commerce-policy review is pending: Meta lets the account send once it is approved."),
        _ => null,
    };

    public static SendDecision? CheckNumber(bool registered) => registered
        ? null
        : SendDecision.Deny(DenyReason.NumberNotRegistered, "The number is not registered (verify its code first).");

    /// <summary>A free-form message: only inside the customer-service window.</summary>
    public static SendDecision DecideSession(WindowState window, Restrictions restrictions, DateTimeOffset now)
    {
        if (Restrictions.Active(restrictions.CustomerInitiatedUntil, now))
        {
            return SendDecision.Deny(DenyReason.RestrictedCustomerInitiated, "Meta restricts customer-initiated messaging.",
                restrictions.CustomerInitiatedUntil);
        }

        return window.Open
            ? SendDecision.Allow(window.ExpiresAt)
            : WindowClosed;
    }

    /// <summary>
    /// A template message. Inside an open window it counts nothing; outside it takes a slot of the
    /// rolling limit (once per customer per period) or is denied until the oldest slot frees.
    /// </summary>
    public static (SendDecision Decision, RecipientCounted? Change) DecideTemplate(
        WindowState window, Restrictions restrictions, TemplateRecipients recipients, CustomerId customer, int limit, DateTimeOffset now)
    {
        if (window.Open)
        {
            return (SendDecision.Allow(window.ExpiresAt, recipients.Usage(limit, now)), null);
        }

        if (Restrictions.Active(restrictions.BusinessInitiatedUntil, now))
        {
            return (SendDecision.Deny(DenyReason.RestrictedBusinessInitiated, "Meta restricts business-initiated messaging.",
                restrictions.BusinessInitiatedUntil), null);
        }

        var counted = recipients.TryCount(customer, limit, now);
        return counted.Granted
            ? (SendDecision.Allow(null, counted.Usage), counted.Change)
            : (SendDecision.Deny(DenyReason.TemplateRecipientLimitReached,
                $"{counted.Usage.Used} of {limit} template recipients used in the rolling period.", counted.Usage.NextSlotAt)
                with { TemplateRecipients = counted.Usage }, null);
    }
}
