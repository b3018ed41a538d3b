namespace WabaActors.Domain.Messaging;

/// <summary>
/// A template quota's answer: the outcome, the recipient usage it rests on, and (for
/// <see cref="GrantOutcome.Counted"/> only) the grant to persist before the answer is given.
/// </summary>
public readonly record struct QuotaAnswer(GrantOutcome Outcome, RecipientUsage Usage, PermitGranted? Granted = null)
{
    /// <summary>For <see cref="GrantOutcome.Resolve"/>: the person's other ids, as the scope's directory knows them.</summary>
    public IReadOnlyList<Identity.CustomerIdentity> Aliases { get; init; } = [];

    /// <summary>Whether the template may go out (the caller still answers a replay and a reused id as such).</summary>
    public bool Allowed => Outcome is GrantOutcome.Counted or GrantOutcome.AlreadyCounted or GrantOutcome.Replayed;
}
