using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Orleans.Runtime;
using WabaActors.Domain.Messaging;

namespace WabaActors.Grains.Rollout;

/// <summary>
/// Each tenant's <see cref="Enforcement"/> as configured now (<see cref="EnforcementOptions"/>). The options are read
/// again on every configuration change: a valid change takes effect on the next permit, with no restart; an invalid one
/// (a mode or tenant id the validator refuses, a value the binder cannot read) is logged and the last good modes stay.
/// </summary>
public sealed class TenantEnforcement : IDisposable, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly IOptionsFactory<EnforcementOptions> _factory;
    private readonly ILogger<TenantEnforcement> _logger;
    private readonly IDisposable[] _watches;
    private volatile Modes _modes;

    public TenantEnforcement(
        IOptionsFactory<EnforcementOptions> factory, IEnumerable<IOptionsChangeTokenSource<EnforcementOptions>> sources, ILogger<TenantEnforcement> logger)
    {
        _factory = factory;
        _logger = logger;

        // Valid here: the host checked the options at start (ValidateOnStart), and stops when they are not.
        _modes = Modes.Of(factory.Create(Options.DefaultName));
        _watches = [.. sources.Select(s => ChangeToken.OnChange(s.GetChangeToken, Reload))];
        _modes.Log(logger);
    }

    /// <summary>The mode of <paramref name="tenant"/>'s permits now.</summary>
    public Enforcement For(string tenant)
    {
        var modes = _modes;
        return modes.Tenants.TryGetValue(tenant, out var mode) ? mode : modes.Default;
    }

    /// <summary>
    /// Nothing to run: a silo resolves its lifecycle participants as it starts, which builds this one then — so the
    /// modes are logged (500) and every change is watched from the start, not from the silo's first permit.
    /// </summary>
    public void Participate(ISiloLifecycle lifecycle)
    {
    }

    public void Dispose()
    {
        foreach (var watch in _watches)
        {
            watch.Dispose();
        }
    }

    private void Reload()
    {
        Modes next;
        try
        {
            next = Modes.Of(_factory.Create(Options.DefaultName));
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException)
        {
            EnforcementLog.ReloadRefused(_logger, e.Message);
            return;
        }

        if (!next.SameAs(_modes))
        {
            _modes = next;
            next.Log(_logger);
        }
    }

    /// <summary>One consistent reading of the options: swapped whole, so a permit never sees half a change.</summary>
    private sealed record Modes(Enforcement Default, IReadOnlyDictionary<string, Enforcement> Tenants)
    {
        public static Modes Of(EnforcementOptions options) =>
            new(options.Default, options.Tenants.ToDictionary(t => t.Key, t => EnforcementOptions.ModeOf(t.Value)!.Value, StringComparer.Ordinal));

        public bool SameAs(Modes other) =>
            Default == other.Default && Tenants.Count == other.Tenants.Count
            && Tenants.All(t => other.Tenants.TryGetValue(t.Key, out var mode) && mode == t.Value);

        public void Log(ILogger logger) => EnforcementLog.Modes(logger, Default, Named(Enforcement.Shadow), Named(Enforcement.Enforce));

        private string Named(Enforcement mode)
        {
            var tenants = Tenants.Where(t => t.Value == mode).Select(t => t.Key).Order(StringComparer.Ordinal).ToList();
            return tenants.Count == 0 ? "none" : string.Join(", ", tenants);
        }
    }
}
