using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// Group commit: many grains' small changes go to PostgreSQL in one batch (one round trip, one
/// implicit transaction, one fsync), and each caller's task completes only once the batch has
/// committed — "ok" means durable. Batches form by themselves: whatever queued while the previous
/// batch was committing goes in the next one, so a quiet silo commits one change at a time with no
/// added delay and a busy one amortises the commit over up to <see cref="GroupCommitOptions.MaxBatchSize"/>.
/// </summary>
public sealed partial class GroupCommitWriter : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<GroupCommitWriter> _logger;
    private readonly int _maxBatch;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Task[] _writers;

    public GroupCommitWriter(NpgsqlDataSource dataSource, IOptions<GroupCommitOptions> options, ILogger<GroupCommitWriter> logger)
    {
        (_dataSource, _logger, _maxBatch) = (dataSource, logger, options.Value.MaxBatchSize);
        _writers = [.. Enumerable.Range(0, options.Value.Writers).Select(_ => Task.Run(WriteLoopAsync))];
    }

    /// <summary>Batches observed, for benchmarks and metrics: count and total changes.</summary>
    public (long Batches, long Changes) Stats => (Interlocked.Read(ref _batches), Interlocked.Read(ref _changes));

    private long _batches;
    private long _changes;

    /// <summary>Queues one statement (<c>$1</c>… parameters); completes with its rows affected once committed.</summary>
    public Task<int> ExecuteAsync(string sql, params object?[] args)
    {
        var write = new PendingWrite(sql, args);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter));
        }

        return write.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
                batch.Clear();
            }
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        try
        {
            var affected = await ExecuteBatchAsync(batch);
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _changes, batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(affected[i]);
            }
        }
        catch (Exception e) when (batch.Count > 1)
        {
            // One bad statement fails its whole batch: commit the others one by one so only the bad
            // one's caller hears the error.
            LogBatchFailed(_logger, batch.Count, e);
            foreach (var write in batch)
            {
                await CommitAsync([write]);
            }
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
        }
    }

    private async Task<int[]> ExecuteBatchAsync(List<PendingWrite> writes)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        foreach (var write in writes)
        {
            var command = new NpgsqlBatchCommand(write.Sql);
            foreach (var arg in write.Args)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = arg ?? DBNull.Value });
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
        var affected = new int[writes.Count];
        for (var i = 0; i < affected.Length; i++)
        {
            affected[i] = batch.BatchCommands[i].RecordsAffected;
        }

        return affected;
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "A group commit of {Count} changes failed; retrying them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception error);

    private sealed record PendingWrite(string Sql, object?[] Args)
    {
        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
