using WabaActors.Domain.Onboarding;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// The rules of the send decision, each in one place; <see cref="NumberPermits"/> applies them in order:
/// the account (disconnected, blocked, not live, held), the number (registered), then the message type —
/// a session message needs an open window; a template inside an open window is a reply and counts
/// nothing; otherwise it starts a conversation and needs a recipient slot (<see cref="TemplateQuota"/>).
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
    public static SendDecision DecideSession(WindowState window, Restrictions restrictions, DateTimeOffset now) =>
        CheckSession(window, restrictions, now) ?? SendDecision.Allow(window.ExpiresAt);

    /// <summary>The denial of a free-form message, or null when it may go (allocation-free either way).</summary>
    public static SendDecision? CheckSession(WindowState window, Restrictions restrictions, DateTimeOffset now)
    {
        if (Restrictions.Active(restrictions.CustomerInitiatedUntil, now))
        {
            return SendDecision.Deny(DenyReason.RestrictedCustomerInitiated, "Meta restricts customer-initiated messaging.",
                restrictions.CustomerInitiatedUntil);
        }

        return window.Open ? null : WindowClosed;
    }

    /// <summary>A template outside the window starts a business-initiated conversation: denied while Meta restricts those.</summary>
    public static SendDecision? CheckBusinessInitiated(Restrictions restrictions, DateTimeOffset now) =>
        Restrictions.Active(restrictions.BusinessInitiatedUntil, now)
            ? SendDecision.Deny(DenyReason.RestrictedBusinessInitiated, "Meta restricts business-initiated messaging.",
                restrictions.BusinessInitiatedUntil)
            : null;

    /// <summary>A template that needed a recipient slot when none was free: retry when the oldest counted recipient leaves the period.</summary>
    public static SendDecision RecipientLimitReached(RecipientUsage usage) =>
        SendDecision.Deny(DenyReason.TemplateRecipientLimitReached,
            $"{usage.Used} of {usage.Limit} template recipients used in the rolling period.", usage.NextSlotAt)
            with { TemplateRecipients = usage };
}
