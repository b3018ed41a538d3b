using System.ComponentModel.DataAnnotations;

namespace WabaActors.Storage.PostgreSql;

/// <summary>When contract schema files are applied (section <see cref="Section"/>; docs/adr/0025-expand-contract-schema-changes.md).</summary>
public sealed class SchemaOptions
{
    public const string Section = "WabaActors:Schema";

    /// <summary>How often a silo checks whether a pending contract file may be applied now.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "WabaActors:Schema:ContractInterval must be between {1} and {2}.")]
    public TimeSpan ContractInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A member of orleans_membership counts as live while its last I-am-alive is younger than this
    /// (Orleans writes it every 30 s by default), so a silo killed without a goodbye stops holding
    /// contract files back after this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ErrorMessage = "WabaActors:Schema:LiveSiloHorizon must be between {1} and {2}.")]
    public TimeSpan LiveSiloHorizon { get; set; } = TimeSpan.FromMinutes(10);
}
