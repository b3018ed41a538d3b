namespace WabaActors.Host.Hosting;

/// <summary>The host's top-level switches (section <c>WabaActors</c>); see docs/configuration.md.</summary>
public sealed class WabaOptions
{
    public const string Section = "WabaActors";

    /// <summary><c>Memory</c> (the embedded default) or <c>PostgreSql</c>.</summary>
    public StorageKind Storage { get; set; } = StorageKind.Memory;

    /// <summary><c>System</c>, or <c>Simulated</c> to enable <c>/v1/admin/clock</c>.</summary>
    public ClockKind Clock { get; set; } = ClockKind.System;

    /// <summary>
    /// <c>Simulated</c> (the embedded default) issues codes read back through the admin simulator endpoint;
    /// <c>Dialog360</c> uses 360dialog's Partner API (section <c>WabaActors:Dialog360</c>).
    /// </summary>
    public GatewayKind Gateway { get; set; } = GatewayKind.Simulated;

    /// <summary>Cluster identity and this silo's ports (several silos on one machine need distinct ports).</summary>
    public ClusterOptions Cluster { get; set; } = new();

    /// <summary>
    /// How long a stop (SIGTERM) may take: HTTP requests drain, then the silo deactivates its grains and
    /// leaves the cluster. Sets <see cref="HostOptions.ShutdownTimeout"/>; keep it below Kubernetes'
    /// <c>terminationGracePeriodSeconds</c> minus the preStop delay.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class ClusterOptions
{
    public string ClusterId { get; set; } = "waba";
    public string ServiceId { get; set; } = "waba-actors";

    [System.ComponentModel.DataAnnotations.Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [System.ComponentModel.DataAnnotations.Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at; default: loopback for Memory, the host's address for PostgreSql, the pod's IP on Kubernetes.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// The address the silo and gateway ports listen on. Unset: the advertised address when it is loopback
    /// (Memory, or a local cluster advertised on 127.0.0.1: nothing outside this machine can connect),
    /// otherwise every interface (<c>0.0.0.0</c>; behind NAT or in a container the advertised address may not
    /// be local); on Kubernetes every interface. Set <c>0.0.0.0</c> to listen on every interface whatever is
    /// advertised, or one local IP address.
    /// </summary>
    public string? ListenAddress { get; set; }

    /// <summary>
    /// Running in a Kubernetes pod (needs <c>PostgreSql</c>): Orleans' Kubernetes hosting names the silo after
    /// the pod (<c>POD_NAME</c>), advertises <c>POD_IP</c>, and declares a silo dead as soon as its pod is deleted.
    /// </summary>
    public bool Kubernetes { get; set; }
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
    Dialog360,
}
