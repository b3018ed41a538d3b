namespace WabaActors.Storage.PostgreSql;

/// <summary>When a schema file may be applied (docs/adr/0025-expand-contract-schema-changes.md).</summary>
public enum SchemaPhase
{
    /// <summary>Adds only (tables, nullable columns, indexes, query rows): the previous release keeps working, so a silo applies it at start.</summary>
    Expand,

    /// <summary>Removes or changes what an older build uses (a drop, a key change): applied only once every live silo runs a build that knows it.</summary>
    Contract,
}
