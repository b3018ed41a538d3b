using WabaActors.Domain.Onboarding;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// The part of an account that every send decision needs: status, Meta's ban, whether sends wait
/// for the review (Meta's rule), and the restrictions. Small, so the account can hand it to its
/// numbers and they can decide session messages alone.
/// </summary>
public sealed record SendGate(AccountStatus Status, bool Disabled, bool HeldForReview, Restrictions Restrictions);
