using WabaActors.Domain.Messaging;

namespace WabaActors.Domain.Tests.MessagingSupport;

/// <summary>
/// What one permit came to through a number and its template quota: the number's last step and, when
/// the number asked the quota (<see cref="PermitStepKind.NeedsQuota"/>), the quota's answer.
/// </summary>
public readonly record struct PermitAnswer(PermitStep Step, QuotaAnswer? Quota)
{
    /// <summary>The decision (new or replayed); throws for a refusal, which decides nothing.</summary>
    public SendDecision Decision =>
        Step.Decision ?? throw new InvalidOperationException($"refused with {Step.Error?.Code}, not decided");

    public bool IsReplay => Step.Kind == PermitStepKind.Replayed;

    public bool AskedQuota => Quota is not null;

    /// <summary>The number's delta: the grant its ledger persists.</summary>
    public PermitGranted? Granted => Step.Granted;

    /// <summary>The quota's delta: the grant that counted the recipient, persisted by the quota.</summary>
    public PermitGranted? Counted => Quota?.Granted;
}
