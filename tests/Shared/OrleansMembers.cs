using WabaActors.Storage.PostgreSql;

namespace WabaActors.Tests.Shared;

/// <summary>
/// Rows of orleans_membership as the Orleans membership provider writes them, for a silo the test does not run:
/// a build from before the schema registry (011), or another release, seen by the contract gate (ADR 0025).
/// </summary>
public static class OrleansMembers
{
    /// <summary>The silo joins <paramref name="cluster"/>: Active (3), alive now.</summary>
    public static async Task JoinAsync(TestDatabase db, string cluster, SiloSchemaRow silo)
    {
        await db.ExecuteAsync("INSERT INTO orleans_membership_version (deploymentid) VALUES ($1) ON CONFLICT DO NOTHING", cluster);
        await db.ExecuteAsync("""
            INSERT INTO orleans_membership (deploymentid, address, port, generation, siloname, hostname, status, starttime, iamalivetime)
            VALUES ($1, $2, $3, $4, 'silo', 'host', 3, now(), now())
            """, cluster, silo.Address, silo.Port, silo.Generation);
    }

    /// <summary>The silo stops: Orleans marks it Dead (6).</summary>
    public static Task LeaveAsync(TestDatabase db, SiloSchemaRow silo) =>
        db.ExecuteAsync("UPDATE orleans_membership SET status = 6 WHERE (address, port, generation) = ($1, $2, $3)", silo.Address, silo.Port, silo.Generation);
}
