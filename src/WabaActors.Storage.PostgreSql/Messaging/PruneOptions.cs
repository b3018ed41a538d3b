using System.ComponentModel.DataAnnotations;

namespace WabaActors.Storage.PostgreSql;

/// <summary>The background pruning of expired windows and grants (section <see cref="Section"/>).</summary>
public sealed class PruneOptions
{
    public const string Section = "WabaActors:Prune";

    /// <summary>How often expired rows are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "WabaActors:Prune:Interval must be between {1} and {2}.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Rows deleted per statement, so pruning never holds long locks.</summary>
    [Range(100, 1_000_000, ErrorMessage = "WabaActors:Prune:ChunkSize must be between {1} and {2}.")]
    public int ChunkSize { get; set; } = 10_000;
}
