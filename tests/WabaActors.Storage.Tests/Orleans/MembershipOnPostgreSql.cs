using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace WabaActors.Storage.Tests;

[Collection(ClusterCollection.Name)]
public class MembershipOnPostgreSql
{
    [Fact]
    public async Task SecondSiloJoinsTheFirstThroughTheMembershipTable()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await PostgreSqlCluster.StartAsync(db, $"svc-{Guid.NewGuid():N}");

        await cluster.StartAdditionalSiloAsync().WaitAsync(TestSettings.Timeout);

        var management = cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        await Eventually.ReachedAsync(
            async () => (await management.GetHosts(onlyActive: true)).Count, n => n == 2, TestSettings.Timeout, "two active silos");
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM orleans_membership WHERE status = 3"));
        Assert.True(await db.ScalarAsync<int>("SELECT version FROM orleans_membership_version") >= 2);
        Assert.True(await db.ScalarAsync<bool>("SELECT bool_and(abs(extract(epoch FROM now() - iamalivetime)) < 300) FROM orleans_membership"));
    }

    [Fact]
    public async Task DefunctCleanupRemovesStoppedSilosOnly()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await PostgreSqlCluster.StartAsync(db, $"svc-{Guid.NewGuid():N}");
        var leaving = await cluster.StartAdditionalSiloAsync().WaitAsync(TestSettings.Timeout);
        await cluster.StopSiloAsync(leaving).WaitAsync(TestSettings.Timeout);
        Assert.Equal(["3", "6"], await db.ColumnAsync("SELECT status FROM orleans_membership ORDER BY status"));

        var table = ((InProcessSiloHandle)cluster.Silos[0]).ServiceProvider.GetRequiredService<IMembershipTable>();
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.Equal(["3"], await db.ColumnAsync("SELECT status FROM orleans_membership"));
    }

    [Fact]
    public async Task SiloRefusesToStartWithoutCleanupDefunctSiloEntriesKey()
    {
        // The upstream PostgreSQL script shipped without this key; 10.4.2 requires it.
        await using var db = await TestDatabase.CreateAsync(migrate: true);
        await db.ScalarAsync<object>("DELETE FROM orleansquery WHERE querykey = 'CleanupDefunctSiloEntriesKey'");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => PostgreSqlCluster.StartAsync(db, $"svc-{Guid.NewGuid():N}"));

        Assert.Contains("Missing are: CleanupDefunctSiloEntriesKey", error.ToString(), StringComparison.Ordinal);
    }
}
