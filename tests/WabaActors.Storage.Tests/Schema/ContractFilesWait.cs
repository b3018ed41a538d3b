using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Storage.Tests;

/// <summary>
/// A contract file (ADR 0025) is applied only when every live member of orleans_membership runs a build that
/// knows it (its row in waba_silo_schema); expand files after it go in meanwhile.
/// </summary>
public sealed class ContractFilesWait
{
    private static readonly SiloSchemaRow Registered = new("10.0.1.1", 11111, 1), Unregistered = new("10.0.1.2", 11111, 1), Upgraded = new("10.0.1.3", 11111, 1);

    // A release whose contract file drops what the previous one uses, with an expand file after it.
    private static readonly IReadOnlyList<SchemaScript> NextRelease =
    [
        .. SchemaScript.Embedded,
        SchemaScript.Parse("012_drop_probe.contract.sql", "DROP TABLE IF EXISTS waba_probe_old;"),
        SchemaScript.Parse("013_add_probe.sql", "CREATE TABLE IF NOT EXISTS waba_probe_new (id integer);"),
    ];

    [Fact]
    public async Task AContractFileWaitsForEveryLiveSiloWhoseBuildDoesNotKnowIt()
    {
        await using var db = await TestDatabase.CreateAsync();
        await Migrator(db.DataSource, SchemaScript.Embedded, Registered).MigrateAsync();
        await db.ExecuteAsync("CREATE TABLE waba_probe_old (id integer)");
        await JoinAsync(db, Registered);
        await JoinAsync(db, Unregistered);   // a build from before 011: it records nothing

        var next = Migrator(db.DataSource, NextRelease, Upgraded);
        var applied = await next.MigrateAsync();
        await JoinAsync(db, Upgraded);

        Assert.Equal([13], applied.Select(s => s.Version));
        Assert.Equal([12], next.PendingContracts.Select(s => s.Version));
        Assert.Equal(["10.0.1.1|11111|1|11", "10.0.1.3|11111|1|13"],
            await db.ColumnAsync("SELECT address || '|' || port || '|' || generation || '|' || schema_version FROM waba_silo_schema ORDER BY 1"));

        // The build before 011 stops; the one that knows 011 but not 012 still holds it back.
        await db.ExecuteAsync("UPDATE orleans_membership SET status = 6 WHERE address = $1", Unregistered.Address);
        Assert.Empty(await next.ApplyContractsAsync());
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'waba_probe_old'"));

        // Killed without a goodbye: once its last I-am-alive is older than the horizon it no longer counts.
        await db.ExecuteAsync("UPDATE orleans_membership SET iamalivetime = now() - interval '11 minutes' WHERE address = $1", Registered.Address);
        Assert.Equal([12], (await next.ApplyContractsAsync()).Select(s => s.Version));
        Assert.Empty(next.PendingContracts);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'waba_probe_old'"));
        Assert.Equal(13L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public async Task WithNoLiveSiloAContractFileGoesInAtStart()
    {
        await using var db = await TestDatabase.CreateAsync();
        await Migrator(db.DataSource, SchemaScript.Embedded, Registered).MigrateAsync();
        await JoinAsync(db, Unregistered);
        await db.ExecuteAsync("UPDATE orleans_membership SET status = 6");   // the old silos were stopped first

        var next = Migrator(db.DataSource, NextRelease, Upgraded);

        Assert.Equal([13, 12], (await next.MigrateAsync()).Select(s => s.Version));
        Assert.Empty(next.PendingContracts);
    }

    private static SchemaMigrator Migrator(NpgsqlDataSource dataSource, IReadOnlyList<SchemaScript> scripts, SiloSchemaRow self) =>
        new(dataSource, scripts, NullLogger<SchemaMigrator>.Instance, new ContractGate(self, TimeProvider.System, TimeSpan.FromMinutes(10)));

    private static Task JoinAsync(TestDatabase db, SiloSchemaRow silo) => OrleansMembers.JoinAsync(db, "c", silo);
}
