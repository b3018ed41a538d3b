using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Templates;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// The part of an account that every send decision needs: status, Meta's ban, whether sends wait
/// for the review (Meta's rule), and the restrictions. Small, so the account can hand it to its
/// numbers and they can decide session messages alone.
/// </summary>
public sealed record SendGate(AccountStatus Status, bool Disabled, bool HeldForReview, Restrictions Restrictions)
{
    /// <summary>The account's template registry, as permits naming a template are decided on it.</summary>
    public TemplateBook Templates { get; init; } = TemplateBook.Empty;

    /// <summary>Whether Meta upgraded the deciding number to the higher throughput (set per number by the number).</summary>
    public bool ThroughputUpgraded { get; init; }
}
