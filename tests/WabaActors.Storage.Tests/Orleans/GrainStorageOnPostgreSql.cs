using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;
using WabaActors.Storage.Tests.Grains;

namespace WabaActors.Storage.Tests;

[Collection(ClusterCollection.Name)]
public class GrainStorageOnPostgreSql
{
    [Fact]
    public async Task StateWrittenByOneClusterIsReadByTheNext()
    {
        await using var db = await TestDatabase.CreateAsync();
        var serviceId = $"svc-{Guid.NewGuid():N}";

        await using (var first = await PostgreSqlCluster.StartAsync(db, serviceId))
        {
            await first.GrainFactory.GetGrain<INoteGrain>("tenant-1/waba-9").WriteAsync("hello");
            Assert.Equal(3, await first.GrainFactory.GetGrain<ICounterGrain>(42).AddAsync(3));
            await first.StopAllSilosAsync().WaitAsync(TestSettings.Timeout);
        }

        await using (var second = await PostgreSqlCluster.StartAsync(db, serviceId))
        {
            var note = await second.GrainFactory.GetGrain<INoteGrain>("tenant-1/waba-9").ReadAsync();
            Assert.Equal(("hello", 1), (note.Text, note.Writes));
            Assert.Equal(4, await second.GrainFactory.GetGrain<ICounterGrain>(42).AddAsync(1));
        }

        // One row per state, named by the state (not the grain type); the integer key has no
        // extension string; ETags count up from 1.
        Assert.Equal(
            ["tally||2", "text|tenant-1/waba-9|1"],
            await db.ColumnAsync(
                "SELECT graintypestring || '|' || coalesce(grainidextensionstring, '') || '|' || version " +
                "FROM orleans_storage ORDER BY graintypestring"));
        Assert.True(await db.ScalarAsync<bool>("SELECT bool_and(abs(extract(epoch FROM now() - modifiedon)) < 300) FROM orleans_storage"));
    }

    [Theory]
    [InlineData("counter", "tally")]
    [InlineData("note", "text")]
    public async Task ConcurrentFirstWritesLeaveOneRowAndTheLosersConflict(string grainType, string stateName)
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await PostgreSqlCluster.StartAsync(db, $"svc-{Guid.NewGuid():N}");
        var storage = Storage(cluster);
        // An integer key stores a NULL extension string, a string key a non-NULL one: both must collide.
        var grainId = grainType == "counter"
            ? GrainId.Create(GrainType.Create(grainType), GrainIdKeyExtensions.CreateIntegerKey(7))
            : GrainId.Create(grainType, "first-writers");

        // Eight activations that never saw a row (ETag null) write at once, as after a split brain.
        var writers = Enumerable.Range(0, 8).Select(i => new GrainState<NoteState>(new NoteState { Text = $"writer {i}" })).ToList();
        var outcomes = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                await storage.WriteStateAsync(stateName, grainId, w);
                return "written";
            }
            catch (InconsistentStateException)
            {
                return "conflict";
            }
        }));

        Assert.Equal(["conflict", "conflict", "conflict", "conflict", "conflict", "conflict", "conflict", "written"], outcomes.Order());
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM orleans_storage"));
        var winner = writers.Single(w => w.ETag is not null);
        Assert.Equal("1", winner.ETag);

        // The winner goes on from its ETag; a loser that retries with a stale ETag still conflicts.
        await storage.WriteStateAsync(stateName, grainId, winner);
        Assert.Equal("2", winner.ETag);
        var stale = new GrainState<NoteState>(new NoteState()) { ETag = "1" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grainId, stale));

        var read = new GrainState<NoteState>(new NoteState());
        await storage.ReadStateAsync(stateName, grainId, read);
        Assert.Equal((winner.State!.Text, "2", true), (read.State!.Text, read.ETag, read.RecordExists));
    }

    [Fact]
    public async Task ClearKeepsTheVersionSoAStaleWriterStillConflicts()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await PostgreSqlCluster.StartAsync(db, $"svc-{Guid.NewGuid():N}");
        var storage = Storage(cluster);
        var grainId = GrainId.Create("note", "cleared");
        var state = new GrainState<NoteState>(new NoteState { Text = "x" });
        await storage.WriteStateAsync("text", grainId, state);

        await storage.ClearStateAsync("text", grainId, state);

        Assert.Equal(("2", false), (state.ETag, state.RecordExists));
        var read = new GrainState<NoteState>(new NoteState());
        await storage.ReadStateAsync("text", grainId, read);
        Assert.Equal((null, "2", false), (read.State!.Text, read.ETag, read.RecordExists));
        var stale = new GrainState<NoteState>(new NoteState()) { ETag = "1" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("text", grainId, stale));
        await storage.WriteStateAsync("text", grainId, read);
        Assert.Equal("3", read.ETag);
    }

    private static IGrainStorage Storage(TestCluster cluster) =>
        ((InProcessSiloHandle)cluster.Silos[0]).ServiceProvider.GetRequiredKeyedService<IGrainStorage>(TestSettings.StorageName);
}
