using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Storage.Tests;

public class SchemaMigratorMigrate
{
    private static SchemaMigrator Migrator(NpgsqlDataSource dataSource, IReadOnlyList<SchemaScript>? scripts = null) =>
        new(dataSource, scripts ?? SchemaScript.Embedded, NullLogger<SchemaMigrator>.Instance);

    [Fact]
    public void EmbedsTheNumberedFilesInOrder()
    {
        Assert.Equal(
            ["001 orleans_clustering", "002 orleans_persistence", "003 orleans_reminders", "004 waba_state", "005 waba_state_indexes", "006 lean_hot_indexes", "007 delta_logs", "008 inbound_ids", "009 customers", "010 verdicts_and_pricing", "011 silo_schema"],
            SchemaScript.Embedded.Select(s => $"{s.Version:000} {s.Name}"));
        Assert.All(SchemaScript.Embedded, s => Assert.Matches("^[0-9a-f]{64}$", s.Sha256));
    }

    [Fact]
    public void ChecksumIgnoresLineEndingsAndBom()
    {
        var lf = SchemaScript.Parse("007_x.sql", "SELECT 1;\nSELECT 2;\n");
        var crlf = SchemaScript.Parse("007_x.sql", "\uFEFFSELECT 1;\r\nSELECT 2;\r\n");
        Assert.Equal(lf.Sha256, crlf.Sha256);
    }

    [Fact]
    public async Task AppliesEveryFileAndRecordsIt()
    {
        await using var db = await TestDatabase.CreateAsync();

        var applied = await Migrator(db.DataSource).MigrateAsync();

        // Expand files first, then the contract files (007), each in order.
        Assert.Equal(SchemaScript.Embedded.OrderBy(s => s.Phase).ThenBy(s => s.Version), applied);
        Assert.Equal(
            SchemaScript.Embedded.Select(s => $"{s.Version}|{s.Name}|{s.Sha256}"),
            await db.ColumnAsync("SELECT version || '|' || name || '|' || sha256 FROM schema_version ORDER BY version"));
        Assert.Equal(
            ["orleans_membership", "orleans_membership_version", "orleans_reminders", "orleans_storage", "orleansquery", "schema_version",
             "waba_customer_link", "waba_customer_verdict", "waba_event", "waba_inbound_id", "waba_number_grant", "waba_quota", "waba_quota_grant",
             "waba_service_allowance", "waba_silo_schema", "waba_window"],
            await db.ColumnAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1"));
    }

    [Fact]
    public async Task StoresEveryInstantAsTimestamptz()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: true);

        Assert.Empty(await db.ColumnAsync(
            "SELECT table_name || '.' || column_name FROM information_schema.columns " +
            "WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'"));
        Assert.Equal(
            ["orleans_membership.iamalivetime", "orleans_membership.starttime", "orleans_membership_version.modifiedon",
             "orleans_reminders.starttime", "orleans_storage.modifiedon", "schema_version.applied_at",
             "waba_customer_link.taught_at", "waba_customer_verdict.at", "waba_customer_verdict.expires_at", "waba_event.at", "waba_inbound_id.recorded_at", "waba_number_grant.free_until", "waba_number_grant.granted_at", "waba_number_grant.window_expires_at",
             "waba_quota_grant.counted_at", "waba_silo_schema.registered_at", "waba_window.expires_at"],
            await db.ColumnAsync(
                "SELECT table_name || '.' || column_name FROM information_schema.columns " +
                "WHERE table_schema = 'public' AND data_type = 'timestamp with time zone' ORDER BY 1"));
    }

    [Fact]
    public async Task KeepsWindowsAndGrantsAsLogsReadThroughTheirPhoneOrQuotaKey()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: true);

        // ADR 0015: no unique key to probe on every grant; activation reads through one plain index. The rare
        // rows have one (010): a verdict is its own key, an allowance is one row per number.
        Assert.Equal(["waba_customer_verdict", "waba_event", "waba_quota", "waba_service_allowance", "waba_silo_schema"], await db.ColumnAsync(
            "SELECT table_name FROM information_schema.table_constraints WHERE table_schema = 'public' AND constraint_type = 'PRIMARY KEY' " +
            "AND table_name LIKE 'waba%' ORDER BY 1"));
        Assert.Equal(["waba_number_grant_granted_at_brin", "waba_number_grant_phone", "waba_quota_grant_counted_at_brin", "waba_quota_grant_quota_key",
                "waba_window_expires_at_brin", "waba_window_phone"],
            await db.ColumnAsync("SELECT indexname FROM pg_indexes WHERE tablename IN ('waba_number_grant', 'waba_quota_grant', 'waba_window') ORDER BY 1"));

        // 009 (ADR 0020): links are a log too, read through the quota key and pruned by age.
        Assert.Equal(["waba_customer_link_quota_key", "waba_customer_link_taught_at_brin"],
            await db.ColumnAsync("SELECT indexname FROM pg_indexes WHERE tablename = 'waba_customer_link' ORDER BY 1"));

        // 010: verdicts are read through their key (phone first) and pruned by their end.
        Assert.Equal(["waba_customer_verdict_expires_at", "waba_customer_verdict_pkey"],
            await db.ColumnAsync("SELECT indexname FROM pg_indexes WHERE tablename = 'waba_customer_verdict' ORDER BY 1"));
        Assert.StartsWith("CREATE UNIQUE INDEX waba_customer_verdict_pkey ON public.waba_customer_verdict USING btree (phone,",
            await db.ScalarAsync<string>("SELECT indexdef FROM pg_indexes WHERE indexname = 'waba_customer_verdict_pkey'"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RerunAppliesNothingAndChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: true);
        const string State = "SELECT (SELECT string_agg(version || sha256 || applied_at, ',' ORDER BY version) FROM schema_version)" +
                             " || (SELECT string_agg(querykey || querytext, ',' ORDER BY querykey) FROM orleansquery)";
        var before = await db.ScalarAsync<string>(State);

        var applied = await Migrator(db.DataSource).MigrateAsync();

        Assert.Empty(applied);
        Assert.Equal(before, await db.ScalarAsync<string>(State));
    }

    [Fact]
    public async Task ConcurrentMigratorsApplyEachFileOnce()
    {
        await using var db = await TestDatabase.CreateAsync();

        // Separate data sources: separate pools, as separate silos would have.
        var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(db.ConnectionString)).ToList();
        try
        {
            var runs = await Task.WhenAll(sources.Select(s => Migrator(s).MigrateAsync()));

            Assert.Equal(
                SchemaScript.Embedded.Select(s => s.Version),
                runs.SelectMany(r => r).Select(s => s.Version).Order());
            Assert.Equal(SchemaScript.Embedded.Count, (int)await db.ScalarAsync<long>("SELECT count(*) FROM schema_version"));
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task RefusesAChangedAppliedFileBeforeApplyingAnything()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: true);
        var edited = SchemaScript.Embedded
            .Select(s => s.Version == 2 ? SchemaScript.Parse("002_orleans_persistence.sql", s.Sql + "\n-- edited\n") : s)
            .Append(SchemaScript.Parse("099_later.sql", "CREATE TABLE later (id integer);"))
            .ToList();

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => Migrator(db.DataSource, edited).MigrateAsync());

        Assert.Contains("002_orleans_persistence changed after it was applied", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'later'"));
        Assert.Equal((long)SchemaScript.Embedded.Count, await db.ScalarAsync<long>("SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public async Task RollsBackAFailingFileAndReportsIt()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: true);
        var broken = SchemaScript.Embedded
            .Append(SchemaScript.Parse("099_broken.sql", "CREATE TABLE half (id integer);\nSELECT no_such_function();"))
            .ToList();

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => Migrator(db.DataSource, broken).MigrateAsync());

        Assert.Contains("099_broken failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'half'"));
        Assert.Equal((long)SchemaScript.Embedded.Count, await db.ScalarAsync<long>("SELECT count(*) FROM schema_version"));
    }
}
