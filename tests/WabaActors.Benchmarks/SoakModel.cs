namespace WabaActors.Benchmarks;

/// <summary>
/// What the host keeps per answer, by design, for the soak's verdict (docs/capacity.md): an inbound
/// message id 42–52 B for 24 h; a template grant ~40 B for 24 h, and a recipient counted for the first
/// time ~56 B in the quota (both a day); a session grant 195 B, kept for
/// <see cref="SessionHorizonMinutes"/> (the replay horizon; 1,440 on a build that keeps them a day).
/// </summary>
public sealed record SoakModel(double InboundBytes, double GrantBytes, double RecipientBytes, double SessionBytes, double SessionHorizonMinutes);
