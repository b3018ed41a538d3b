using System.Diagnostics.Metrics;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Host.Security;

/// <summary>
/// Which configured key callers present (docs/telemetry.md): during a rotation the old key's count
/// stops growing once every caller has moved to the new one. Tags come from the configuration only.
/// </summary>
public sealed class SecurityMetrics
{
    private readonly Counter<long> _keyUses;

    public SecurityMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryNames.Meter);
        _keyUses = meter.CreateCounter<long>("waba.auth.key_uses", "{call}",
            "Calls authenticated by an API key, by the key's tenant and name (Auth:ApiKeys:N:Name, or # and its position).");
    }

    public void KeyUsed(ApiKeyMatch key) =>
        _keyUses.Add(1, new KeyValuePair<string, object?>("tenant", key.Tenant), new KeyValuePair<string, object?>("key", key.Name));
}
