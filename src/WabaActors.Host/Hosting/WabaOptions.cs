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

    /// <summary>Cluster identity and this silo's ports (several silos on one machine need distinct ports).</summary>
    public ClusterOptions Cluster { get; set; } = new();
}

public sealed class ClusterOptions
{
    public string ClusterId { get; set; } = "waba";
    public string ServiceId { get; set; } = "waba-actors";

    [System.ComponentModel.DataAnnotations.Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [System.ComponentModel.DataAnnotations.Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at; default: loopback for Memory, the host's address for PostgreSql.</summary>
    public string? AdvertisedAddress { get; set; }
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
