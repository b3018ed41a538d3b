using Microsoft.Extensions.Logging.Abstractions;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Durability.Tests.Support;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Durability.Tests;

/// <summary>
/// A rolling upgrade from the build before 007 (ADR 0025): its silo is a live member and keeps writing with its
/// upserts on the keys 007 drops while a silo of this build migrates the same database and serves. 007 is a
/// contract file: it waits while the old silo lives, so both builds write and each reads what the other wrote
/// (one row per key, as the old loads expect); once the old silo is gone it is applied, and the new silo's
/// next writes find the keys gone and go in as log rows.
/// </summary>
public sealed class RollingUpgradeAcross007
{
    private const string Phone = "420601000251";
    private const string QuotaKey = "account:waba-rolling";
    private static readonly TimeSpan Day = WabaRules.Document.ServiceWindow;
    private static readonly DateTimeOffset Now = new(DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerMicrosecond * TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
    private static readonly CustomerId P1 = new(7700000251), P2 = new(7700000252), P3 = new(7700000253);
    private static readonly SiloSchemaRow OldSilo = new("10.0.0.1", 11111, 1), NewSilo = new("10.0.0.2", 11111, 2);

    [Fact]
    public async Task BothBuildsServeOneDatabaseAndTheKeyDropWaitsUntilTheOldSiloIsGone()
    {
        await using var db = await TestDatabase.CreateAsync();
        await Schema008.MigrateAsync(db, version: 6);
        await OrleansMembers.JoinAsync(db, "old", OldSilo);
        Assert.Equal(1, await Schema006.WindowAsync(db, Phone, P1.Value, Now + TimeSpan.FromHours(1), closed: false));
        Assert.Equal(1, await Schema006.NumberGrantAsync(db, Phone, "t-1", P1.Value, Now - TimeSpan.FromMinutes(30), used: 1));
        Assert.Equal(1L, await db.ScalarAsync<long>(Schema008.NextQuotaEpoch, QuotaKey));
        Assert.Equal(1, await Schema006.QuotaGrantAsync(db, QuotaKey, "q-1", P1.Value, Now - TimeSpan.FromMinutes(30), used: 1, epoch: 1));

        // A silo of this build starts: the expand files go in, 007 waits for the old silo.
        var migrator = new SchemaMigrator(db.DataSource, SchemaScript.Embedded, NullLogger<SchemaMigrator>.Instance,
            new ContractGate(NewSilo, TimeProvider.System, TimeSpan.FromMinutes(10)));
        var applied = await migrator.MigrateAsync();
        var keys = new DeltaLogKeys(NullLogger<DeltaLogKeys>.Instance);
        await keys.DetectAsync(db.DataSource);

        // The new silo serves: windows extended and replaced (one row per key), inbound ids, grants, a quota activation.
        await using var writer = StoreDatabase.NewWriter(db.DataSource);
        var store = new PostgreSqlMessagingStore(db.DataSource, writer, WabaRules.Document, keys);
        var quota = await store.LoadQuotaAsync(QuotaKey, Now);
        Assert.Equal(["q-1"], quota.Grants.Select(g => g.MessageId));
        Assert.True(await store.AppendQuotaAsync(QuotaKey, quota.Epoch, Template("q-2", P2, TimeSpan.FromMinutes(20), used: 2)));
        await store.AppendNumberAsync(Phone, Message(P1, TimeSpan.FromMinutes(20), 201), Template("t-2", P2, TimeSpan.FromMinutes(20), used: 2));
        var p1Latest = Message(P1, TimeSpan.FromMinutes(10), 202);
        await store.AppendNumberAsync(Phone, p1Latest, null);
        await store.AppendNumberAsync(Phone, Message(P2, TimeSpan.FromMinutes(15), 203), null);

        // The old silo keeps writing beside it (its upserts need the keys), and its quota writes obey the new epoch.
        Assert.Equal(1, await Schema006.WindowAsync(db, Phone, P3.Value, Now + Day, closed: false));
        Assert.Equal(1, await Schema006.NumberGrantAsync(db, Phone, "t-3", P3.Value, Now - TimeSpan.FromMinutes(5), used: 3));
        Assert.Equal(0, await Schema006.QuotaGrantAsync(db, QuotaKey, "q-3", P3.Value, Now - TimeSpan.FromMinutes(5), used: 3, epoch: 1));

        // It applied the expand files only: 007 and its keys wait.
        Assert.Equal([8, 9, 10, 11], applied.Select(s => s.Version));
        Assert.Equal([7], migrator.PendingContracts.Select(s => s.Version));
        Assert.Equal(3L, await KeysAsync(db));
        Assert.True(keys.Present);

        // Each reads the other's rows; the old loads see one row per window, the latest.
        var number = await store.LoadNumberAsync(Phone, Now);
        Assert.Equal([P1, P2, P3], number.Windows.Select(w => w.Customer).OrderBy(c => c.StoredKey));
        Assert.Equal(p1Latest.At, number.Windows.Single(w => w.Customer == P1).At);
        Assert.Equal(["t-1", "t-2", "t-3"], number.Grants.Select(g => g.MessageId).Order());
        Assert.Equal([201L, 202, 203], number.InboundIds.Select(i => i.Digest).Distinct().Order());
        Assert.Equal(
            [$"{P1.Value}|{p1Latest.At.UtcDateTime:O}|False", $"{P2.Value}|{(Now - TimeSpan.FromMinutes(15) + Day).UtcDateTime:O}|False", $"{P3.Value}|{(Now + Day).UtcDateTime:O}|False"],
            await db.ColumnAsync($"SELECT {Row("customer, expires_at, closed")} FROM ({Schema006.LoadWindows}) w ORDER BY customer", Phone, Now, Now - Day));
        Assert.Equal(["t-1", "t-2", "t-3"], await db.ColumnAsync($"SELECT message_id FROM ({Schema008.LoadNumberGrants}) g ORDER BY 1", Phone, Now - Day));
        Assert.Equal(["q-1", "q-2"], await db.ColumnAsync($"SELECT message_id FROM ({Schema008.LoadQuotaGrants}) g ORDER BY 1", QuotaKey, Now - Day));

        // 007 stays pending while the old silo lives (a live silo of this build does not hold it back) ...
        await OrleansMembers.JoinAsync(db, "new", NewSilo);
        Assert.Empty(await migrator.ApplyContractsAsync());
        Assert.Equal([7], migrator.PendingContracts.Select(s => s.Version));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_version WHERE version = 7"));

        // ... and goes in once it is gone.
        await OrleansMembers.LeaveAsync(db, OldSilo);
        Assert.Equal([7], (await migrator.ApplyContractsAsync()).Select(s => s.Version));
        Assert.Empty(migrator.PendingContracts);
        Assert.Equal(0L, await KeysAsync(db));

        // The new silo, still on the upserts, meets the dropped keys: its writes go in as log rows, none lost.
        var p1Closed = new WindowChange(P1, Now.UtcTicks, true);
        await store.AppendNumberAsync(Phone, p1Closed, Template("t-4", P1, TimeSpan.Zero, used: 4));
        Assert.True(await store.AppendQuotaAsync(QuotaKey, quota.Epoch, Template("q-4", P1, TimeSpan.Zero, used: 4)));
        Assert.False(keys.Present);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM waba_window WHERE phone = $1 AND customer = $2", Phone, P1.Value));
        number = await store.LoadNumberAsync(Phone, Now);
        Assert.Equal(p1Closed, number.Windows.Single(w => w.Customer == P1));
        Assert.Equal(["t-1", "t-2", "t-3", "t-4"], number.Grants.Select(g => g.MessageId).Order());
        Assert.Equal(["q-1", "q-2", "q-4"], (await store.LoadQuotaAsync(QuotaKey, Now)).Grants.Select(g => g.MessageId).Order());
    }

    /// <summary>The primary keys of the three tables 007 turns into logs.</summary>
    private static Task<long> KeysAsync(TestDatabase db) => db.ScalarAsync<long>("""
        SELECT count(*) FROM pg_constraint WHERE contype = 'p'
            AND conrelid IN ('waba_window'::regclass, 'waba_number_grant'::regclass, 'waba_quota_grant'::regclass)
        """);

    private static string Row(string columns) =>
        string.Join(" || '|' || ", columns.Split(", ").Select(c => c == "expires_at"
            ? "to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US0\"Z\"')" : $"{c}::text"))
            .Replace("closed::text", "initcap(closed::text)", StringComparison.Ordinal);

    private static WindowChange Message(CustomerIdentity customer, TimeSpan ago, long digest) =>
        new(customer, (Now - ago + Day).UtcTicks, false) { InboundDigest = digest };

    private static PermitGranted Template(string messageId, CustomerIdentity customer, TimeSpan ago, int used) =>
        new(messageId, customer, MessageType.Template, (Now - ago).UtcTicks) { Used = used, Limit = 50 };
}
