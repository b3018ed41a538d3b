using System.Globalization;
using WabaActors.Durability.Tests.Support;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Durability.Tests;

/// <summary>
/// A real silo of this build starts on a database of the build before 007 while that build's silo is a live
/// member (ADR 0025): it records its schema beside its membership row, leaves 007 pending and serves windows
/// on the keyed table; when the old silo is gone, its periodic check applies 007 without a restart, and it
/// keeps serving on the log table.
/// </summary>
public sealed class RollingUpgradeSilo
{
    private static readonly SiloSchemaRow OldSilo = new("10.0.0.9", 11111, 1);

    [Fact]
    public async Task ANewSiloServesBesideALiveOldOneAndApplies007OnceItIsGone()
    {
        await using var db = await TestDatabase.CreateAsync();
        await Schema008.MigrateAsync(db, version: 6);
        await OrleansMembers.JoinAsync(db, "old", OldSilo);
        var (phone, customer, other) = (Ids.Phone(), Ids.Customer(), Ids.Customer());
        var now = DateTimeOffset.UtcNow;

        await using var cluster = await WabaCluster.StartAsync(db, $"svc-{Ids.Short()}", $"cluster-{Ids.Short()}",
            settings: new Dictionary<string, string> { ["WabaActors:Schema:ContractInterval"] = "00:00:01" });
        var grains = cluster.GrainFactory;
        var account = await GrainAccount.LiveAsync(grains, phone);

        // The new silo serves a customer twice (one row per window: the key is still there) beside the old silo's writes.
        Assert.True((await account.InboundAsync(grains, phone, customer, Ids.Message(), now.AddMinutes(-20))).Open);
        Assert.Equal(1, await Schema006.WindowAsync(db, phone, Key(other), now.AddHours(23), closed: false));
        var later = await account.InboundAsync(grains, phone, customer, Ids.Message(), now.AddMinutes(-10));
        Assert.Equal(now.AddMinutes(-10).AddHours(24), later.ExpiresAt);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_version WHERE version = 7"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM waba_window WHERE phone = $1 AND customer = $2", phone, Key(customer)));
        Assert.Equal(1L, await db.ScalarAsync<long>("""
            SELECT count(*) FROM orleans_membership m JOIN waba_silo_schema s USING (address, port, generation)
            WHERE m.status = 3 AND s.schema_version = 11
            """));

        // The old silo stops: 007 goes in within the check's interval, and the silo keeps serving.
        await OrleansMembers.LeaveAsync(db, OldSilo);
        await Eventually.Until(async () => await db.ScalarAsync<long>("SELECT count(*) FROM schema_version WHERE version = 7") == 1,
            Eventually.DefaultTimeout, "007 was never applied after the old silo left");
        var last = await account.InboundAsync(grains, phone, customer, Ids.Message(), now.AddMinutes(-5));
        Assert.Equal(now.AddMinutes(-5).AddHours(24), last.ExpiresAt);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM waba_window WHERE phone = $1 AND customer = $2", phone, Key(customer)));
    }

    private static long Key(string customer) => long.Parse(customer, CultureInfo.InvariantCulture);
}
