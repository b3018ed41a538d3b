using Npgsql;

namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// Whether a contract schema file may be applied: no live silo of the database runs a build that does not
/// know it. Live = a member of orleans_membership (any cluster) that is starting, active or stopping and
/// said it was alive within <paramref name="liveHorizon"/>; its build = its row in waba_silo_schema (011), and
/// a live member without one runs a build from before 011. <paramref name="self"/> (null for a tool that
/// only migrates) is recorded with the highest file this build carries.
/// </summary>
public sealed class ContractGate(SiloSchemaRow? self, TimeProvider time, TimeSpan liveHorizon)
{
    // SiloStatus 1–5: Created, Joining, Active, ShuttingDown, Stopping (6 = Dead).
    private const string Blockers = """
        SELECT m.address || ':' || m.port || '@' || m.generation || ' in ' || m.deploymentid || ' ('
            || coalesce('knows schema ' || s.schema_version, 'a build from before schema 011') || ')'
        FROM orleans_membership m
        LEFT JOIN waba_silo_schema s ON (s.address, s.port, s.generation) = (m.address, m.port, m.generation)
        WHERE m.status BETWEEN 1 AND 5 AND m.iamalivetime > $1 AND coalesce(s.schema_version, 0) < $2
        ORDER BY 1
        """;

    private const string Register = """
        INSERT INTO waba_silo_schema (address, port, generation, schema_version, registered_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (address, port, generation) DO UPDATE SET schema_version = EXCLUDED.schema_version, registered_at = EXCLUDED.registered_at
        """;

    // Rows of silos that are gone (dead or no longer members), once they are older than the horizon:
    // a silo registers before it joins the membership, so a fresh row without a member is kept.
    private const string Prune = """
        DELETE FROM waba_silo_schema s WHERE s.registered_at < $1 AND NOT EXISTS (
            SELECT 1 FROM orleans_membership m
            WHERE (m.address, m.port, m.generation) = (s.address, s.port, s.generation) AND m.status BETWEEN 1 AND 5)
        """;

    /// <summary>Records this silo's build (the highest schema file it carries) and forgets gone silos.</summary>
    public async Task RegisterAsync(NpgsqlConnection connection, NpgsqlTransaction tx, int knownVersion, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (self is not null)
        {
            await using var register = new NpgsqlCommand(Register, connection, tx)
            {
                Parameters = { new() { Value = self.Address }, new() { Value = self.Port }, new() { Value = self.Generation }, new() { Value = knownVersion }, new() { Value = now } },
            };
            await register.ExecuteNonQueryAsync(ct);
        }

        await using var prune = new NpgsqlCommand(Prune, connection, tx) { Parameters = { new() { Value = now - liveHorizon } } };
        await prune.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The live silos whose build does not know schema file <paramref name="version"/> (none: it may be applied).</summary>
    public async Task<IReadOnlyList<string>> BlockersAsync(NpgsqlConnection connection, NpgsqlTransaction tx, int version, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Blockers, connection, tx)
        {
            Parameters = { new() { Value = time.GetUtcNow() - liveHorizon }, new() { Value = version } },
        };
        var blockers = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            blockers.Add(reader.GetString(0));
        }

        return blockers;
    }
}
