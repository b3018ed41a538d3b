using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Verdicts;

/// <summary>
/// The delta of <see cref="CustomerVerdicts"/>, as persisted: a verdict on a customer at Meta's instant
/// <see cref="AtTicks"/> (UTC ticks). <see cref="OutcomeDigest"/>, for a verdict read from a send's status,
/// is the digest of (message id, status) that a redelivery is recognised by (0: none, a preference).
/// </summary>
public sealed record CustomerVerdict(CustomerIdentity Customer, VerdictKind Kind, long AtTicks, long OutcomeDigest = 0);
