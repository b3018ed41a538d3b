namespace WabaActors.Benchmarks;

/// <summary>
/// What the host keeps per answer, by design, for the soak's verdict (docs/capacity.md): an inbound
/// message id 42–52 B for 24 h; a template grant 196 B in the number's ledger for 24 h (the flat table with
/// its FIFO, measured by the grains' memory set); a recipient counted for the first time 252 B in the quota
/// (its ledger's grant and the recipient set's ~56 B, a day); a session grant 196 B, kept for
/// <see cref="SessionHorizonMinutes"/> (the replay horizon; 1,440 on a build that keeps them a day).
/// </summary>
public sealed record SoakModel(double InboundBytes, double GrantBytes, double RecipientBytes, double SessionBytes, double SessionHorizonMinutes);
