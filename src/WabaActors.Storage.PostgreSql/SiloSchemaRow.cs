namespace WabaActors.Storage.PostgreSql;

/// <summary>A silo incarnation as orleans_membership keys it (address, port, generation): its row in waba_silo_schema.</summary>
public sealed record SiloSchemaRow(string Address, int Port, int Generation);
