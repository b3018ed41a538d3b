using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using WabaActors.Grains.Faults;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// Group commit: many grains' small changes go to PostgreSQL in one batch (one round trip, one
/// implicit transaction, one fsync), and each caller's task completes only once the batch has
/// committed — "ok" means durable. Batches form by themselves: whatever queued while the previous
/// batch was committing goes in the next one, so a quiet silo commits one change at a time with no
/// added delay and a busy one amortises the commit over up to <see cref="GroupCommitOptions.MaxBatchSize"/>.
/// Each writer loop keeps its own connection between batches (a pooled one would be reset by the
/// server on every return, a statement per batch; docs/adr/0014-writer-connections-and-the-warm-permit-floor.md)
/// and drops it after any failure, so the next batch starts on a fresh one.
/// </summary>
public sealed partial class GroupCommitWriter : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<GroupCommitWriter> _logger;
    private readonly int _maxBatch;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Task[] _writers;
    private readonly GroupCommitTelemetry _telemetry;
    private readonly TimeSpan _idleLimit;
    private readonly TimeProvider _time;
    private readonly FaultLog? _faults;

    /// <param name="faults">Counts a batch lost to a database outage instead of logging its stack (none: logged).</param>
    /// <param name="time">Measures how long a writer's connection has been idle (real time: the
    /// system clock unless a test passes its own).</param>
    public GroupCommitWriter(NpgsqlDataSource dataSource, IOptions<GroupCommitOptions> options, ILogger<GroupCommitWriter> logger,
        IMeterFactory? meters = null, TimeProvider? time = null, FaultLog? faults = null)
    {
        (_dataSource, _logger, _maxBatch, _faults) = (dataSource, logger, options.Value.MaxBatchSize, faults);
        (_idleLimit, _time) = (options.Value.ConnectionIdleLimit, time ?? TimeProvider.System);
        _telemetry = new GroupCommitTelemetry(meters);

        // The writer loops outlive whichever call created this writer: they must not inherit its
        // span (every commit would join that one trace) nor its other async-local context.
        using (ExecutionContext.SuppressFlow())
        {
            _writers = [.. Enumerable.Range(0, options.Value.Writers).Select(_ => Task.Run(WriteLoopAsync))];
        }
    }

    /// <summary>Batches observed, for benchmarks and metrics: count and total changes.</summary>
    public (long Batches, long Changes) Stats => (Interlocked.Read(ref _batches), Interlocked.Read(ref _changes));

    private long _batches;
    private long _changes;

    /// <summary>Queues one statement (<c>$1</c>… parameters); completes with its rows affected once committed.</summary>
    public Task<int> ExecuteAsync(string sql, params object?[] args) => Enqueue(new PendingWrite(sql, args, null, GroupCommitTelemetry.Caller()));

    /// <summary>Queues one row of <paramref name="statement"/>; completes with 1 once committed (0: not written, see <see cref="RowStatement.ReturnsKeys"/>).</summary>
    public Task<int> AppendRowAsync(RowStatement statement, params object?[] row) => Enqueue(new PendingWrite(statement.Sql, row, statement, GroupCommitTelemetry.Caller()));

    private Task<int> Enqueue(PendingWrite write) =>
        _queue.Writer.TryWrite(write) ? write.Done.Task : throw new ObjectDisposedException(nameof(GroupCommitWriter));

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(_maxBatch);
        await using var connection = new WriterConnection(_dataSource, _idleLimit, _time);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(connection, batch);
                batch.Clear();
            }
        }
    }

    private async Task CommitAsync(WriterConnection connection, List<PendingWrite> batch)
    {
        using var span = GroupCommitTelemetry.StartCommit(batch, static w => w.Caller);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var affected = await ExecuteBatchAsync(await connection.OpenAsync(), batch);
            _telemetry.Record(batch.Count, started, committed: true);
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _changes, batch.Count);

            // The span ends before any caller resumes, so a caller that has its answer also sees the
            // finished commit span (Activity.Stop is idempotent; the using only covers the failures).
            span?.Stop();
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(affected[i]);
            }
        }
        catch (Exception e) when (batch.Count > 1)
        {
            await connection.DropAsync();
            _telemetry.Record(batch.Count, started, committed: false);
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            // One bad statement fails its whole batch: commit the others one by one so only the bad
            // one's caller hears the error. A database outage is counted, not logged per batch.
            if (_faults?.TryRecord(e, FaultSource.GroupCommit) != true)
            {
                LogBatchFailed(_logger, batch.Count, e);
            }

            foreach (var write in batch)
            {
                await CommitAsync(connection, [write]);
            }
        }
        catch (Exception e)
        {
            await connection.DropAsync();
            _telemetry.Record(batch.Count, started, committed: false);
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            batch[0].Done.TrySetException(e);
        }
    }

    private static async Task<int[]> ExecuteBatchAsync(NpgsqlConnection connection, List<PendingWrite> writes)
    {
        // Rows first (their RETURNING results are read in order), then single statements.
        var executions = PlanExecutions(writes);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var execution in executions)
        {
            batch.BatchCommands.Add(execution.ToCommand());
        }

        var affected = new int[writes.Count];
        await using (var reader = await batch.ExecuteReaderAsync())
        {
            foreach (var execution in executions.Where(e => e.Statement is { ReturnsKeys: true }))
            {
                var written = new HashSet<RowKey>();
                while (await reader.ReadAsync())
                {
                    written.Add(new RowKey(reader.GetValue(0), reader.GetValue(1)));
                }

                foreach (var (index, row) in execution.Rows)
                {
                    affected[index] = written.Contains(execution.Statement!.Key(row)) ? 1 : 0;
                }

                await reader.NextResultAsync();
            }

            while (await reader.NextResultAsync())
            {
            }
        }

        for (var i = 0; i < executions.Count; i++)
        {
            switch (executions[i].Statement)
            {
                case null:
                    affected[executions[i].Rows[0].Index] = batch.BatchCommands[i].RecordsAffected;
                    break;
                case { ReturnsKeys: false }:
                    executions[i].Rows.ForEach(r => affected[r.Index] = 1);
                    break;
            }
        }

        return affected;
    }

    /// <summary>
    /// Groups the queued rows of each <see cref="RowStatement"/> into one execution, or, for a statement
    /// that returns keys, into as few as its keys allow (a key seen again starts the next execution);
    /// statements that return keys first.
    /// </summary>
    private static List<Execution> PlanExecutions(List<PendingWrite> writes)
    {
        var executions = new List<Execution>();
        foreach (var group in writes.Select((w, i) => (Write: w, Index: i)).Where(x => x.Write.Statement is not null)
                     .GroupBy(x => x.Write.Statement!).OrderByDescending(g => g.Key.ReturnsKeys))
        {
            if (!group.Key.ReturnsKeys)
            {
                executions.Add(new Execution(group.Key.Sql, group.Key, [.. group.Select(x => (x.Index, x.Write.Args))]));
                continue;
            }

            var rounds = new List<(HashSet<RowKey> Keys, Execution Execution)>();
            foreach (var (write, index) in group)
            {
                var key = group.Key.Key(write.Args);
                var round = rounds.FirstOrDefault(r => !r.Keys.Contains(key));
                if (round.Execution is null)
                {
                    round = ([], new Execution(group.Key.Sql, group.Key, []));
                    rounds.Add(round);
                }

                round.Keys.Add(key);
                round.Execution.Rows.Add((index, write.Args));
            }

            executions.AddRange(rounds.Select(r => r.Execution));
        }

        executions.AddRange(writes.Select((w, i) => (Write: w, Index: i)).Where(x => x.Write.Statement is null)
            .Select(x => new Execution(x.Write.Sql, null, [(x.Index, x.Write.Args)])));
        return executions;
    }

    /// <summary>One statement of a batch: a single write, or every row of a <see cref="RowStatement"/> in one round.</summary>
    private sealed record Execution(string Sql, RowStatement? Statement, List<(int Index, object?[] Row)> Rows)
    {
        public NpgsqlBatchCommand ToCommand()
        {
            if (Statement is null)
            {
                var single = new NpgsqlBatchCommand(Sql);
                foreach (var arg in Rows[0].Row)
                {
                    single.Parameters.Add(new NpgsqlParameter { Value = arg ?? DBNull.Value });
                }

                return single;
            }

            var command = new NpgsqlBatchCommand(Sql);
            for (var c = 0; c < Statement.Columns.Length; c++)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = Statement.Column(Rows, c) });
            }

            return command;
        }
    }

    [LoggerMessage(EventId = WabaEventId.GroupCommitBatchFailed, Level = LogLevel.Warning, Message = "A group commit of {Count} changes failed; retrying them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception error);

    /// <summary>A queued change; <paramref name="Caller"/> is the span that queued it (null unless traced).</summary>
    private sealed record PendingWrite(string Sql, object?[] Args, RowStatement? Statement, Activity? Caller)
    {
        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
