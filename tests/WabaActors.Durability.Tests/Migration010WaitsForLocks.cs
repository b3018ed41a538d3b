using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;
using WabaActors.Durability.Tests.Support;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Durability.Tests;

/// <summary>
/// 010 behind a long transaction that reads <c>waba_number_grant</c> (the table it alters): like 009, a try
/// gives up after the file's 1 s <c>lock_timeout</c> and rolls back, the migrator tries again, and once the
/// transaction ends the file applies (docs/operations.md, "Migration 010").
/// </summary>
public sealed class Migration010WaitsForLocks
{
    [Fact]
    public async Task AppliesOnceTheBlockingTransactionEndsGivenTriesThatTimedOutMeanwhile()
    {
        await using var db = await TestDatabase.CreateAsync();
        await Schema008.MigrateAsync(db, version: 9);
        await using var blocker = await db.DataSource.OpenConnectionAsync();
        await using var held = await blocker.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT count(*) FROM waba_number_grant", blocker, held))
        {
            await hold.ExecuteScalarAsync();
        }

        var log = new EventLog();
        var migrating = new SchemaMigrator(db.DataSource, SchemaScript.Embedded, log).MigrateAsync();

        await Eventually.Until(() => Task.FromResult(log.Count(4206) >= 1), TimeSpan.FromSeconds(30), "010 never timed out on the held lock");
        // A reader of the table waits at most one try's lock_timeout (1 s), not the blocker's whole transaction.
        var read = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM waba_number_grant"));
        var readTook = read.Elapsed;
        await held.CommitAsync();
        var applied = await migrating;

        Assert.Equal(10, applied[0].Version);
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT count(*)::int FROM schema_version WHERE version = 10"));
        Assert.True(readTook < TimeSpan.FromSeconds(5), $"a read of waba_number_grant waited {readTook.TotalSeconds:0.0} s behind the migration");
    }

    /// <summary>The event ids a migrator logged.</summary>
    private sealed class EventLog : ILogger<SchemaMigrator>
    {
        private readonly ConcurrentBag<int> _events = [];

        public int Count(int eventId) => _events.Count(e => e == eventId);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _events.Add(eventId.Id);
    }
}
