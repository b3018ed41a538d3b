using WabaActors.Domain.Pricing;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// May this message go out now? Allowed (with the window's expiry when open, and the recipient
/// usage for templates), or denied with a <see cref="DenyReason"/> and, where one exists, the
/// instant the answer may become yes.
/// </summary>
public sealed record SendDecision(bool Allowed, DenyReason Reason)
{
    public DateTimeOffset? RetryAt { get; init; }
    public DateTimeOffset? WindowExpiresAt { get; init; }
    public RecipientUsage? TemplateRecipients { get; init; }
    public string? Detail { get; init; }

    /// <summary>On an allowed decision: what Meta will bill for the send (pricing never decides <see cref="Allowed"/>).</summary>
    public Price? Price { get; init; }

    /// <summary>On a decision allowed only because its tenant runs in <see cref="Enforcement.Shadow"/>: the denial it is.</summary>
    public ShadowDenial? Shadow { get; init; }

    public static SendDecision Allow(DateTimeOffset? windowExpiresAt = null, RecipientUsage? usage = null) =>
        new(true, DenyReason.None) { WindowExpiresAt = windowExpiresAt, TemplateRecipients = usage };

    /// <summary>An allowed decision with its price (one allocation: this is every grant's answer).</summary>
    public static SendDecision Allow(DateTimeOffset? windowExpiresAt, RecipientUsage? usage, Price price) =>
        new(true, DenyReason.None) { WindowExpiresAt = windowExpiresAt, TemplateRecipients = usage, Price = price };

    public static SendDecision Deny(DenyReason reason, string detail, DateTimeOffset? retryAt = null) =>
        new(false, reason) { Detail = detail, RetryAt = retryAt };

    /// <summary>
    /// This decision as a tenant in <paramref name="mode"/> is answered (docs/adr/0028-shadow-mode.md). Enforced, or
    /// allowed, it is itself. A denial in shadow is answered allowed, with the denial beside it: its reason, retry
    /// instant and detail; the window's expiry and the recipient usage it rests on. It grants nothing: no price (nothing new
    /// was counted or will be billed by this decision), no slot taken, nothing recorded to replay.
    /// </summary>
    public SendDecision Under(Enforcement mode) =>
        Allowed || mode != Enforcement.Shadow
            ? this
            : new(true, DenyReason.None)
            {
                WindowExpiresAt = WindowExpiresAt,
                TemplateRecipients = TemplateRecipients,
                Shadow = new ShadowDenial(Reason, RetryAt, Detail),
            };
}
