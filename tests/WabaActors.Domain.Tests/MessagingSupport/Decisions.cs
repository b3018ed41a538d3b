using WabaActors.Domain.Messaging;

namespace WabaActors.Domain.Tests.MessagingSupport;

/// <summary>Assertions on send decisions as the contract answers them (api.md "Decision").</summary>
public static class Decisions
{
    public static void Allowed(PermitOutcome outcome) =>
        Assert.True(outcome.Decision.Allowed, $"expected allowed, got {outcome.Decision.Reason}: {outcome.Decision.Detail}");

    public static void Denied(PermitOutcome outcome, DenyReason reason, DateTimeOffset? retryAt = null)
    {
        Assert.False(outcome.Decision.Allowed, "expected a denial, got allowed");
        Assert.Equal(reason, outcome.Decision.Reason);
        Assert.Equal(retryAt, outcome.Decision.RetryAt);
        Assert.False(string.IsNullOrEmpty(outcome.Decision.Detail));
        Assert.Null(outcome.Counted);
        Assert.Null(outcome.Granted);
    }

    /// <summary>The same contract answer: allowed, reason, retryAt, windowExpiresAt and templateRecipients { used, limit }.</summary>
    public static void SameAnswer(SendDecision expected, SendDecision actual)
    {
        Assert.Equal(Contract(expected), Contract(actual));
    }

    private static object Contract(SendDecision d) => (d.Allowed, d.Reason, d.RetryAt, d.WindowExpiresAt,
        d.TemplateRecipients?.Used, d.TemplateRecipients?.Limit);
}
