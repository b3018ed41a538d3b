namespace WabaActors.Host.Hosting;

/// <summary>The host's top-level switches (section <c>WabaActors</c>); see docs/configuration.md.</summary>
public sealed class WabaOptions
{
    public const string Section = "WabaActors";

    /// <summary><c>Memory</c> (the embedded default) or <c>PostgreSql</c>.</summary>
    public StorageKind Storage { get; set; } = StorageKind.Memory;

    /// <summary><c>System</c>, or <c>Simulated</c> to enable <c>/v1/admin/clock</c>.</summary>
    public ClockKind Clock { get; set; } = ClockKind.System;

    /// <summary><c>Simulated</c> (the embedded default) issues codes read back through the admin simulator endpoint.</summary>
    public GatewayKind Gateway { get; set; } = GatewayKind.Simulated;
}

public enum StorageKind
{
    Memory,
    PostgreSql,
}

public enum ClockKind
{
    System,
    Simulated,
}

public enum GatewayKind
{
    Simulated,
}
