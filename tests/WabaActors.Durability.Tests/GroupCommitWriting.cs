using Microsoft.Extensions.Time.Testing;
using Npgsql;
using WabaActors.Durability.Tests.Support;
using WabaActors.Storage.PostgreSql;
using Xunit.Abstractions;

namespace WabaActors.Durability.Tests;

/// <summary>
/// The group-commit writer against a real server: callers share batches and each hears only its own
/// outcome; a writer's connection that the server or the network ends costs no acknowledged change.
/// </summary>
public sealed class GroupCommitWriting(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Insert = "INSERT INTO gc_probe SELECT $1::bigint * 10 + g FROM generate_series(1, $2::int) AS g";
    private StoreDatabase? _store;

    private TestDatabase Db => _store!.Db;

    public async Task InitializeAsync() => _store = await StoreDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Fact]
    public async Task GroupCommitAnswersEachOfAThousandConcurrentCallersWithItsOwnRowsInSharedBatches()
    {
        await Db.ExecuteAsync("CREATE TABLE gc_probe (id bigint PRIMARY KEY)");
        await using var writer = StoreDatabase.NewWriter(Db.DataSource);

        // Call i inserts i % 4 rows: each caller must hear its own count, not its batch's.
        var calls = Enumerable.Range(0, 1_000).Select(i => Task.Run(() => writer.ExecuteAsync(Insert, (long)i, i % 4))).ToArray();
        var rows = await Task.WhenAll(calls).WaitAsync(Settings.Timeout);

        Assert.Equal(Enumerable.Range(0, 1_000).Select(i => i % 4), rows);
        Assert.Equal((long)rows.Sum(), await Db.ScalarAsync<long>("SELECT count(*) FROM gc_probe"));
        var (batches, changes) = writer.Stats;
        Assert.Equal(1_000, changes);
        output.WriteLine($"{changes} changes in {batches} commits");
        Assert.True(batches < changes / 4, $"{batches} commits for {changes} changes: the calls were not grouped");
    }

    [Fact]
    public async Task GroupCommitFailsOnlyTheCallerWhoseStatementFails()
    {
        await Db.ExecuteAsync("CREATE TABLE gc_probe (id bigint PRIMARY KEY)");
        await using var writer = StoreDatabase.NewWriter(Db.DataSource);
        const int Bad = 50;

        // Call 50 breaks its own statement; it fails its batch, and the others must still commit.
        var calls = Enumerable.Range(0, 100).Select(i => Task.Run(() => i == Bad
            ? writer.ExecuteAsync("INSERT INTO gc_probe VALUES (-1), (-1)")
            : writer.ExecuteAsync(Insert, (long)i, 1))).ToArray();
        await Task.WhenAll(calls.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(Settings.Timeout);

        var error = await Assert.ThrowsAsync<PostgresException>(() => calls[Bad]);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
        Assert.All(calls.Where((_, i) => i != Bad), c => Assert.Equal(1, c.Result));
        Assert.Equal(99L, await Db.ScalarAsync<long>("SELECT count(*) FROM gc_probe"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM gc_probe WHERE id < 0"));
    }

    [Fact]
    public async Task GroupCommitRecoversWhenTheServerDropsItsConnection()
    {
        await Db.ExecuteAsync("CREATE TABLE gc_probe (id bigint PRIMARY KEY)");
        const string Name = "waba-writer-under-test";
        await using var dataSource = _store!.Named(Name);
        await using var writer = StoreDatabase.NewWriter(dataSource);
        Assert.Equal(1, await writer.ExecuteAsync(Insert, 1L, 1));

        // The writer keeps its connection between batches; the server ends it (a restart or a failover does the same).
        Assert.True(await _store!.TerminateAsync(Name) >= 1);

        // A change that meets a dead connection fails (it was never acknowledged) and the loop drops that
        // connection: at most one failure per writer loop, then every change commits on a fresh one.
        var (failures, committed) = (0, 0L);
        for (var i = 2L; committed < 20; i++)
        {
            var error = await Record.ExceptionAsync(() => writer.ExecuteAsync(Insert, i, 1));
            Assert.True(error is null or NpgsqlException, $"unexpected {error}");
            (failures, committed) = error is null ? (failures, committed + 1) : (failures + 1, committed);
            Assert.True(failures <= new GroupCommitOptions().Writers, $"{failures} failures after the connections were dropped");
        }

        Assert.Equal(1 + committed, await Db.ScalarAsync<long>("SELECT count(*) FROM gc_probe"));
    }

    [Fact]
    public async Task GroupCommitChecksAConnectionIdlePastItsLimitSoTheNextChangeDoesNotFail()
    {
        await Db.ExecuteAsync("CREATE TABLE gc_probe (id bigint PRIMARY KEY)");
        const string Name = "waba-idle-writer-under-test";
        var time = new FakeTimeProvider();
        await using var dataSource = _store!.Named(Name);
        var options = new GroupCommitOptions { Writers = 1 };
        await using var writer = StoreDatabase.NewWriter(dataSource, options, time);
        Assert.Equal(1, await writer.ExecuteAsync(Insert, 1L, 1));

        // The connection sits idle past the limit, and something on the way drops it.
        time.Advance(options.ConnectionIdleLimit + TimeSpan.FromSeconds(1));
        Assert.Equal(1L, await _store!.TerminateAsync(Name));

        // The writer finds out before it sends the change, not by failing it.
        Assert.Equal(1, await writer.ExecuteAsync(Insert, 2L, 1));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM gc_probe"));
    }
}
