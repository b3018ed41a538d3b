using WabaActors.Domain.Messaging;

namespace WabaActors.Grains.Rollout;

/// <summary>
/// Whether each tenant's denials are enforced or only shadowed (section <see cref="Section"/>; docs/configuration.md,
/// docs/adr/0028-shadow-mode.md). Read again whenever the configuration changes: flipping a tenant needs no restart.
/// </summary>
public sealed class EnforcementOptions
{
    public const string Section = "WabaActors:Enforcement";

    /// <summary>The mode of every tenant not named in <see cref="Tenants"/>: <c>Enforce</c> unless set.</summary>
    public Enforcement Default { get; set; } = Enforcement.Enforce;

    /// <summary>
    /// Per tenant id (<c>[a-z0-9][a-z0-9-]{0,63}</c>), its mode when it differs from <see cref="Default"/>: <c>Enforce</c> or
    /// <c>Shadow</c>, any case. Text, read by <see cref="ModeOf"/>: the binder drops a dictionary entry it cannot convert
    /// without a word, so a typo would silently leave a tenant in the default mode; the validator names it instead.
    /// </summary>
    public Dictionary<string, string?> Tenants { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The mode a <see cref="Tenants"/> value names, or null when it names none.</summary>
    public static Enforcement? ModeOf(string? text) =>
        Enum.TryParse<Enforcement>(text, ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? mode : null;
}
