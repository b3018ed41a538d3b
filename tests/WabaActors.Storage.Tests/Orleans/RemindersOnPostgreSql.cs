using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.TestingHost;
using WabaActors.Storage.Tests.Grains;

namespace WabaActors.Storage.Tests;

[Collection(ClusterCollection.Name)]
public class RemindersOnPostgreSql
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task RegisteredReminderFiresAndUnregisterDeletesItsRow()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await PostgreSqlCluster.StartAsync(db, $"svc-{Guid.NewGuid():N}");
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("fires");

        await grain.StartAsync(dueTime: Second, period: Second);
        await Eventually.ReachedAsync(() => grain.TicksAsync().AsTask(), t => t >= 2, TestSettings.Timeout, "two reminder ticks");

        // Stored as an instant (the session time zone is +05:45): the start is about now, not hours off.
        Assert.Equal(
            ["tick|1000|0|true"],
            await db.ColumnAsync(
                "SELECT remindername || '|' || period || '|' || version || '|' || (abs(extract(epoch FROM starttime - now())) < 120) " +
                "FROM orleans_reminders"));

        await grain.StopAsync();
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM orleans_reminders"));
    }

    [Fact]
    public async Task ReminderRegisteredBeforeAStopFiresInTheNextCluster()
    {
        await using var db = await TestDatabase.CreateAsync();
        var serviceId = $"svc-{Guid.NewGuid():N}";

        await using (var first = await PostgreSqlCluster.StartAsync(db, serviceId))
        {
            await first.GrainFactory.GetGrain<IReminderGrain>("survives").StartAsync(dueTime: 3 * Second, period: Second);
            await first.StopAllSilosAsync().WaitAsync(TestSettings.Timeout);
        }

        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM orleans_reminders"));

        await using var second = await PostgreSqlCluster.StartAsync(db, serviceId);
        var grain = second.GrainFactory.GetGrain<IReminderGrain>("survives");
        await Eventually.ReachedAsync(() => grain.TicksAsync().AsTask(), t => t >= 1, TestSettings.Timeout, "a tick in the new cluster");
    }

    [Fact]
    public async Task RangeReadsSplitTheHashRingWithoutGapsOrOverlaps()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await PostgreSqlCluster.StartAsync(db, $"svc-{Guid.NewGuid():N}");
        var table = ((InProcessSiloHandle)cluster.Silos[0]).ServiceProvider.GetRequiredService<IReminderTable>();
        var grains = Enumerable.Range(0, 64).Select(i => GrainId.Create("ranged", $"g{i}")).ToList();
        foreach (var grain in grains)
        {
            // Hours ahead: outside the loading window, so the silo never schedules these.
            await table.UpsertRow(new ReminderEntry
            {
                GrainId = grain, ReminderName = "r", StartAt = DateTime.UtcNow.AddHours(2), Period = TimeSpan.FromMinutes(10),
            });
        }

        // Cuts on both sides of 0x80000000, where the provider's signed comparison picks the other query.
        uint[] cuts = [0, 0x10, 0x7000_0000, 0x8000_0000, 0x9000_0000, 0xFFFF_FFF0];
        foreach (var begin in cuts)
        {
            foreach (var end in cuts)
            {
                var expected = grains.Where(g => InRange(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order();
                var actual = (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.ToString()).Order();
                Assert.True(expected.SequenceEqual(actual), $"range ({begin:x8}, {end:x8}]");
            }
        }

        await table.TestOnlyClearTable();
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM orleans_reminders"));
    }

    // The ring slice (begin, end], wrapping past uint.MaxValue; begin == end is the whole ring.
    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}
