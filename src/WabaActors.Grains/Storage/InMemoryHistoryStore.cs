using System.Collections.Concurrent;

namespace WabaActors.Grains.Storage;

/// <summary>The embedded default: histories in process memory, kept for the silo's lifetime.</summary>
public sealed class InMemoryHistoryStore : IHistoryStore
{
    private readonly ConcurrentDictionary<string, List<StoredEvent>> _histories = new(StringComparer.Ordinal);

    public ValueTask AppendAsync(string waba, IReadOnlyList<StoredEvent> events, CancellationToken ct = default)
    {
        var history = _histories.GetOrAdd(waba, _ => []);
        lock (history)
        {
            var last = history.Count == 0 ? 0 : history[^1].Sequence;
            history.AddRange(events.Where(e => e.Sequence > last).OrderBy(e => e.Sequence));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<StoredEvent>> ReadAsync(string waba, long after, int limit, CancellationToken ct = default)
    {
        if (!_histories.TryGetValue(waba, out var history))
        {
            return ValueTask.FromResult<IReadOnlyList<StoredEvent>>([]);
        }

        lock (history)
        {
            return ValueTask.FromResult<IReadOnlyList<StoredEvent>>(history.Where(e => e.Sequence > after).Take(limit).ToList());
        }
    }
}
