using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Durability.Tests.Support;

namespace WabaActors.Durability.Tests;

/// <summary>
/// A repeated inbound message id changes nothing (docs/api.md "Messaging"), and an id recorded
/// and acknowledged is still recognised after a full restart on PostgreSQL (ADR 0017): carried on the
/// window row its message wrote, or written alone when the message changed no window — one row per new
/// message either way, none for a repeat.
/// </summary>
public class InboundIdsAfterReload
{
    private static readonly TimeSpan Day = WabaRules.Document.ServiceWindow;

    [Fact]
    public async Task ARepeatedInboundIdChangesNothingAfterAFullRestart()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (serviceId, clusterId) = ($"svc-{Ids.Short()}", $"cluster-{Ids.Short()}");
        var phone = Ids.Phone();
        var customer = Ids.Customer();
        var (opened, tooOld, older) = (Ids.Message(), Ids.Message(), Ids.Message());
        var sentAt = DateTimeOffset.UtcNow.AddMinutes(-30).AddTicks(1_234);
        GrainAccount account;
        Contracts.Messaging.WindowView acknowledged;

        await using (var first = await WabaCluster.StartAsync(db, serviceId, clusterId))
        {
            var grains = first.GrainFactory;
            account = await GrainAccount.LiveAsync(grains, phone);
            acknowledged = await account.InboundAsync(grains, phone, customer, opened, sentAt);
            Assert.Equal(acknowledged, await account.InboundAsync(grains, phone, customer, tooOld, sentAt - Day - TimeSpan.FromHours(1)));
            Assert.Equal(acknowledged, await account.InboundAsync(grains, phone, customer, older, sentAt.AddMinutes(-5)));
            await first.StopAllSilosAsync().WaitAsync(Settings.Timeout);
        }

        // One row per new message: the window's (carrying its id), and one id alone for each message that changed nothing.
        Assert.Equal(Digest(opened), await db.ScalarAsync<long>("SELECT inbound_digest FROM waba_window WHERE phone = $1", phone));
        Assert.Equal(
            new[] { Digest(older), Digest(tooOld) }.Order(),
            (await db.ColumnAsync("SELECT digest::text FROM waba_inbound_id WHERE phone = $1", phone)).Select(long.Parse).Order());

        await using var second = await WabaCluster.StartAsync(db, serviceId, clusterId);
        var again = second.GrainFactory;
        var now = DateTimeOffset.UtcNow;

        foreach (var id in new[] { opened, tooOld, older })
        {
            var repeat = await account.InboundAsync(again, phone, customer, id, now);
            Assert.True(repeat.Open, $"{id}: the window closed");
            Assert.Equal(Micro.Truncate(acknowledged.ExpiresAt), Micro.Truncate(repeat.ExpiresAt));
        }

        Assert.Equal(Micro.Truncate(acknowledged.ExpiresAt), Micro.Truncate((await account.WindowAsync(again, phone, customer)).ExpiresAt));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM waba_window WHERE phone = $1", phone));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM waba_inbound_id WHERE phone = $1", phone));

        // Another id still extends it.
        Assert.Equal(Micro.Truncate(now + Day), Micro.Truncate((await account.InboundAsync(again, phone, customer, Ids.Message(), now)).ExpiresAt));
    }

    [Fact]
    public async Task ANumberLoadsTheIdsItStillRemembersFromBothTables()
    {
        await using var store = await StoreDatabase.CreateAsync();
        var now = DateTimeOffset.UtcNow;
        const string Phone = "420601000003";
        WindowChange Message(DateTimeOffset at, long customer, long digest) => new(new CustomerId(customer), (at + Day).UtcTicks, false) { InboundDigest = digest };

        await store.Store.AppendNumberAsync(Phone, Message(now.AddHours(-1), 7700000001, 11), null);          // open: remembered
        await store.Store.AppendNumberAsync(Phone, Message(now.AddHours(-30), 7700000002, 12), null);         // its window ended 6 h ago: remembered
        await store.Store.AppendNumberAsync(Phone, Message(now.AddHours(-49), 7700000003, 13), null);         // a window after its window's end: forgotten
        await store.Store.AppendNumberAsync(Phone, new WindowChange(new CustomerId(7700000004), now.AddMinutes(-1).UtcTicks, Closed: true), null);
        await store.Store.AppendInboundIdAsync(Phone, new InboundId(14, now.AddHours(-23).UtcTicks));        // alone: remembered
        await store.Store.AppendInboundIdAsync(Phone, new InboundId(15, now.AddHours(-25).UtcTicks));        // alone, a window ago: forgotten

        var journal = await store.Store.LoadNumberAsync(Phone, now);

        // Oldest retention first: the id alone (recorded 23 h ago), then by their windows' ends.
        Assert.Equal([14L, 12, 11], journal.InboundIds.Select(i => i.Digest));
        Assert.True(journal.InboundIds[0].AtTicks >= now.AddHours(-23).UtcTicks, "an id alone is rounded up, never down");
        Assert.Equal(Micros(now.AddHours(-30) + Day), journal.InboundIds[1].AtTicks);
        Assert.Equal([7700000001L, 7700000004], journal.Windows.Select(w => w.Customer.StoredKey).Order());
    }

    private static long Digest(string messageId) => InboundLedger.Digest(MessageId.Parse(messageId).Value);

    /// <summary>PostgreSQL keeps microseconds.</summary>
    private static long Micros(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerMicrosecond * TimeSpan.TicksPerMicrosecond;
}
