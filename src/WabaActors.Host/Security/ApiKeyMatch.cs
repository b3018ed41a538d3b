namespace WabaActors.Host.Security;

/// <summary>
/// A presented key that is configured: its tenant (or <see cref="ApiKeyRing.Operator"/>), and its
/// <see cref="ApiKeyEntry.Name"/> (or <c>#</c> and its position in <c>Auth:ApiKeys</c>) for the
/// <c>waba.auth.key_uses</c> counter, which tells which of two overlapping keys callers still present.
/// </summary>
public sealed record ApiKeyMatch(string Tenant, string Name);
