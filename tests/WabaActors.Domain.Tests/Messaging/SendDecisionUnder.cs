using WabaActors.Domain.Messaging;

namespace WabaActors.Domain.Tests.Messaging;

/// <summary>ADR 0028: a tenant in shadow gets its denials answered allowed, the denial beside them; nothing else changes.</summary>
public class SendDecisionUnder
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ADenialInShadowIsAllowedNamingItsReasonRetryAndDetailAndPricesNothing()
    {
        var usage = new RecipientUsage(250, 250, At);
        var denied = SendDecision.Deny(DenyReason.TemplateRecipientLimitReached, "full", At) with { TemplateRecipients = usage };

        var answered = denied.Under(Enforcement.Shadow);

        Assert.Equal((true, DenyReason.None, null, null), (answered.Allowed, answered.Reason, answered.RetryAt, answered.Price));
        Assert.Equal(new ShadowDenial(DenyReason.TemplateRecipientLimitReached, At, "full"), answered.Shadow);
        Assert.Equal(usage, answered.TemplateRecipients);
    }

    [Fact]
    public void ADenialEnforcedStaysTheDenial()
    {
        var denied = SendDecision.Deny(DenyReason.CustomerServiceWindowClosed, "closed");

        Assert.Same(denied, denied.Under(Enforcement.Enforce));
    }

    [Fact]
    public void AnAllowedDecisionInShadowIsItselfWithNoShadow()
    {
        var allowed = SendDecision.Allow(At);

        var answered = allowed.Under(Enforcement.Shadow);

        Assert.Same(allowed, answered);
        Assert.Null(answered.Shadow);
    }
}
