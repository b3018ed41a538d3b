using WabaActors.Domain.Messaging;

namespace WabaActors.Domain.Tests.MessagingSupport;

/// <summary>Assertions on send decisions as the contract answers them (docs/api.md "The decision").</summary>
public static class Decisions
{
    public static void Allowed(PermitAnswer answer)
    {
        Assert.True(answer.Step.Decision is not null, $"expected a decision, got {answer.Step.Kind} {answer.Step.Error?.Code}");
        Assert.True(answer.Decision.Allowed, $"expected allowed, got {answer.Decision.Reason}: {answer.Decision.Detail}");
    }

    /// <summary>Denied for <paramref name="reason"/>, and nothing persisted by the number or the quota.</summary>
    public static void Denied(PermitAnswer answer, DenyReason reason, DateTimeOffset? retryAt = null)
    {
        Assert.Equal(PermitStepKind.Decided, answer.Step.Kind);
        Assert.False(answer.Decision.Allowed, "expected a denial, got allowed");
        Assert.Equal(reason, answer.Decision.Reason);
        Assert.Equal(retryAt, answer.Decision.RetryAt);
        Assert.False(string.IsNullOrEmpty(answer.Decision.Detail));
        Assert.Null(answer.Counted);
        Assert.Null(answer.Granted);
    }

    /// <summary>The same contract answer: allowed, reason, retryAt, windowExpiresAt and templateRecipients { used, limit }.</summary>
    public static void SameAnswer(SendDecision expected, SendDecision actual)
    {
        Assert.Equal(Contract(expected), Contract(actual));
    }

    private static object Contract(SendDecision d) => (d.Allowed, d.Reason, d.RetryAt, d.WindowExpiresAt,
        d.TemplateRecipients?.Used, d.TemplateRecipients?.Limit);
}
