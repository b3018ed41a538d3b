using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Common;

/// <summary>
/// Customer → a <c>long</c> (an expiry, a counting instant), with a FIFO of (key, stamp) beside it for
/// expiry. Phones live in a <see cref="LongMap{TValue}"/> exactly as before BSUIDs (16-byte slots); BSUIDs
/// in a <see cref="BsuidTable"/> of 20-byte slots with a check lane, allocated at the first BSUID. One FIFO
/// of 16-byte entries serves both: the key's tag bit (<see cref="CustomerKey.BsuidTag"/>) says which
/// table a popped entry belongs to. See docs/adr/0020-customers-are-people.md, section 1.
/// </summary>
/// <remarks>
/// A struct, held inline by its owner (a mutable field, never a copy): a lookup goes owner → phone table →
/// slots, the same loads as before BSUIDs, where a class would add one (a likely cache miss on a silo of
/// many numbers).
/// </remarks>
/// <param name="stampOf">The stamp a value is queued with (what <see cref="Expire"/> compares); the same function at every call.</param>
public struct CustomerMap(Func<long, long> stampOf)
{
    private readonly LongMap<long> _phones = new();
    private readonly Func<long, long> _stampOf = stampOf;
    private BsuidTable? _bsuids;

    /// <summary>Entries held.</summary>
    public readonly int Count => _phones.Count + (_bsuids?.Count ?? 0);

    /// <summary>Slots allocated over both tables (for memory tests).</summary>
    public readonly int Capacity => _phones.Capacity + (_bsuids?.Capacity ?? 0);

    public readonly bool TryGetValue(CustomerKey key, out long value)
    {
        if (key.IsPhone)
        {
            return _phones.TryGetValue(key.Key, out value);
        }

        value = 0;
        return _bsuids is { } bsuids && bsuids.TryGetValue(key, out value);
    }

    public readonly bool ContainsKey(CustomerKey key) => TryGetValue(key, out _);

    public void Set(CustomerKey key, long value)
    {
        if (key.IsPhone)
        {
            _phones.Set(key.Key, value);
        }
        else
        {
            (_bsuids ??= new BsuidTable()).Set(key, value);
        }
    }

    /// <summary>
    /// The FIFO entry (<paramref name="key"/>, <paramref name="stamp"/>) is due: removes the entry it
    /// stands for unless that entry changed since (its value's stamp is no longer <paramref name="stamp"/>).
    /// </summary>
    public readonly void Expire(long key, long stamp)
    {
        if ((key & CustomerKey.BsuidTag) == 0)
        {
            if (_phones.TryGetValue(key, out var value) && _stampOf(value) == stamp)
            {
                _phones.Remove(key);
            }
        }
        else
        {
            _bsuids?.RemoveStamped(key, stamp, _stampOf);
        }
    }
}
