using System.ComponentModel.DataAnnotations;

namespace WabaActors.Storage.PostgreSql;

/// <summary>The silo-wide group-commit writer (section <see cref="Section"/>).</summary>
public sealed class GroupCommitOptions
{
    public const string Section = "WabaActors:GroupCommit";

    /// <summary>Most changes written in one round trip and one commit.</summary>
    [Range(1, 10_000, ErrorMessage = "WabaActors:GroupCommit:MaxBatchSize must be between {1} and {2}.")]
    public int MaxBatchSize { get; set; } = 1_000;

    /// <summary>Connections committing in parallel: while one batch waits for its commit, the next one fills.</summary>
    [Range(1, 64, ErrorMessage = "WabaActors:GroupCommit:Writers must be between {1} and {2}.")]
    public int Writers { get; set; } = 2;

    /// <summary>
    /// A writer's connection idle longer than this is pinged before its next batch and replaced if it
    /// does not answer: firewalls, NAT gateways and poolers drop idle connections silently, and the
    /// batch that found one dead would fail.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "WabaActors:GroupCommit:ConnectionIdleLimit must be between {1} and {2}.")]
    public TimeSpan ConnectionIdleLimit { get; set; } = TimeSpan.FromMinutes(1);
}
