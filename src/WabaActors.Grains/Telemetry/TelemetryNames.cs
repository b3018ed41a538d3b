namespace WabaActors.Grains.Telemetry;

/// <summary>
/// The names the service's own instruments and spans are published under (docs/telemetry.md). One
/// meter and one activity source for every project of the service, so a collector needs two names.
/// </summary>
public static class TelemetryNames
{
    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> of the service's own instruments.</summary>
    public const string Meter = "WabaActors";

    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> of the service's own spans (group commits).</summary>
    public const string ActivitySource = "WabaActors";
}
