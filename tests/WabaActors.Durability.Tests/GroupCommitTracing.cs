using WabaActors.Domain.Identity;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Durability.Tests.Support;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Durability.Tests;

/// <summary>
/// The PostgreSQL end of a trace (docs/telemetry.md): a change written inside a traced call is carried
/// by a <c>waba.group_commit</c> span linked to that call, and the SQL of the commit is a child span of
/// it — on a real PostgreSQL, through the store the number grains use.
/// </summary>
public sealed class GroupCommitTracing : IAsyncLifetime
{
    private const string CallerName = "WabaActors.Tests.Caller";
    private static readonly ActivitySource Caller = new(CallerName);
    private readonly ConcurrentBag<Activity> _stopped = [];
    private readonly ActivityListener _listener;
    private TestDatabase? _db;
    private GroupCommitWriter? _writer;

    public GroupCommitTracing()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "WabaActors" or "Npgsql" or CallerName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(migrate: true);
        _writer = new GroupCommitWriter(_db.DataSource, Options.Create(new GroupCommitOptions()), NullLogger<GroupCommitWriter>.Instance);
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _writer!.DisposeAsync();
        await _db!.DisposeAsync();
    }

    [Fact]
    public async Task AWindowWrittenInATracedCallIsACommitSpanLinkedToItWithTheSqlBelow()
    {
        var store = new PostgreSqlMessagingStore(_db!.DataSource, _writer!, WabaRules.Document);
        var at = DateTimeOffset.UtcNow.AddDays(1);
        ActivityTraceId trace;
        using (var call = Caller.StartActivity("RequestPermit"))
        {
            trace = call!.TraceId;
            await store.AppendNumberAsync("420600000077", new WindowChange(new CustomerId(7712345677), at.UtcTicks, false), null);
        }

        var commit = Assert.Single(_stopped, a => a.OperationName == "waba.group_commit" && a.Links.Any(l => l.Context.TraceId == trace));
        Assert.Equal(1, commit.GetTagItem("waba.batch.size"));
        Assert.Equal("postgresql", commit.GetTagItem("db.system.name"));
        Assert.Contains(_stopped, a => a.Source.Name == "Npgsql" && a.ParentSpanId == commit.SpanId && a.TraceId == commit.TraceId);
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM waba_window WHERE phone = '420600000077'"));
    }
}
