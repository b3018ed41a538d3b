namespace WabaActors.Domain.Messaging;

/// <summary>
/// What a tenant's denials do (docs/adr/0028-shadow-mode.md): <see cref="Enforce"/> answers them as denials;
/// <see cref="Shadow"/> decides them the same but answers the send allowed, naming the denial beside it, so
/// the gate can run beside Meta's own enforcement and be compared before it refuses anything.
/// </summary>
public enum Enforcement
{
    /// <summary>A denial is answered as a denial (the default).</summary>
    Enforce,

    /// <summary>A denial is answered allowed, with the denial it would have been (<see cref="SendDecision.Shadow"/>).</summary>
    Shadow,
}
