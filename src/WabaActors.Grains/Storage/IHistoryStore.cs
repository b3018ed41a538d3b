namespace WabaActors.Grains.Storage;

/// <summary>
/// Accounts' durable histories. Only the account grain appends (it numbers the entries), so a
/// history is ordered by its sequence; appending an entry whose sequence is already stored is a
/// no-op, which makes a retried append safe.
/// </summary>
public interface IHistoryStore
{
    ValueTask AppendAsync(string waba, IReadOnlyList<StoredEvent> events, CancellationToken ct = default);

    /// <summary>Up to <paramref name="limit"/> entries after <paramref name="after"/>, oldest first.</summary>
    ValueTask<IReadOnlyList<StoredEvent>> ReadAsync(string waba, long after, int limit, CancellationToken ct = default);
}
