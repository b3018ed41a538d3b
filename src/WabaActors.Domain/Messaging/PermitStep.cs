using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Messaging;

/// <summary>What <see cref="NumberPermits"/> answered for one permit.</summary>
public enum PermitStepKind
{
    /// <summary>Decided (allowed or denied); <see cref="PermitStep.Granted"/> is the grant to persist, if any, when allowed.</summary>
    Decided,

    /// <summary>The grant already given for this message id, answered again; nothing to persist.</summary>
    Replayed,

    /// <summary>Refused with an error (the message id was used for another customer or type); nothing decided.</summary>
    Refused,

    /// <summary>
    /// A template to a customer without an open window: the template quota (another grain) must count the
    /// recipient first; ask it, then finish with <see cref="NumberPermits.Complete"/>.
    /// </summary>
    NeedsQuota,

    /// <summary>
    /// The quota's directory links the customer to ids this number did not know (<see cref="PermitStep.Aliases"/>):
    /// nothing was counted; learn them (<see cref="NumberPermits.Learn"/>) and decide again.
    /// </summary>
    NeedsAliases,
}

/// <summary>
/// One step of a permit: a decision (with the grant to persist when it allowed something that must outlive a
/// restart: a template, or a session that started a free period), a replay, a refusal, or the quota to ask.
/// A struct: the commonest answers allocate nothing.
/// </summary>
public readonly record struct PermitStep(PermitStepKind Kind, SendDecision? Decision, PermitGranted? Granted, DomainError? Error)
{
    /// <summary>A new grant: decided now and allowed (counted and priced once), persisted or not.</summary>
    public bool IsNewGrant { get; init; }

    /// <summary>
    /// For <see cref="PermitStepKind.NeedsQuota"/>: the person's other ids this number knows (to name in the
    /// request); for <see cref="PermitStepKind.NeedsAliases"/>: the ids the directory answered.
    /// </summary>
    public IReadOnlyList<CustomerIdentity> Aliases { get; init; } = [];

    /// <summary>A denial (or an allowed decision that grants nothing new).</summary>
    public static PermitStep Decide(SendDecision decision) => new(PermitStepKind.Decided, decision, null, null);

    /// <summary>A new grant; <paramref name="granted"/> is what to persist before answering (null: nothing, a session read).</summary>
    public static PermitStep Grant(SendDecision decision, PermitGranted? granted) => new(PermitStepKind.Decided, decision, granted, null) { IsNewGrant = true };

    public static PermitStep Replay(SendDecision original) => new(PermitStepKind.Replayed, original, null, null);

    public static PermitStep Refuse(DomainError error) => new(PermitStepKind.Refused, null, null, error);

    public static PermitStep AskQuota(IReadOnlyList<CustomerIdentity> aliases) => new(PermitStepKind.NeedsQuota, null, null, null) { Aliases = aliases };

    public static PermitStep Resolve(IReadOnlyList<CustomerIdentity> aliases) => new(PermitStepKind.NeedsAliases, null, null, null) { Aliases = aliases };
}
