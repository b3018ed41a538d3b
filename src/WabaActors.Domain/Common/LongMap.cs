using System.Numerics;
using System.Runtime.CompilerServices;

namespace WabaActors.Domain.Common;

/// <summary>
/// A hash map from a positive <c>long</c> to a value, stored flat: one array of (key, value) slots,
/// open addressing with linear probing, at most half full, deletion by backward shift (no
/// tombstones). A lookup touches one slot in the common case — one cache line, one page — where
/// <see cref="Dictionary{TKey,TValue}"/> touches a bucket array and then an entry array; with a
/// million entries each touch is a cache and TLB miss (docs/adr/0007-flat-window-table.md). Key 0
/// marks an empty slot, so keys must be positive (customer ids are).
/// </summary>
public sealed class LongMap<TValue>
    where TValue : struct
{
    private const int MinCapacity = 8;
    private Slot[] _slots = new Slot[MinCapacity];
    private int _shift = 64 - BitOperations.Log2(MinCapacity);

    public int Count { get; private set; }

    /// <summary>Slots allocated (a power of two, at least twice <see cref="Count"/>).</summary>
    public int Capacity => _slots.Length;

    public bool TryGetValue(long key, out TValue value)
    {
        if (key <= 0)
        {
            value = default;
            return false;
        }

        var slots = _slots;
        var mask = slots.Length - 1;
        for (var i = Home(key); ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.Key == key)
            {
                value = slot.Value;
                return true;
            }

            if (slot.Key == 0)
            {
                value = default;
                return false;
            }
        }
    }

    public bool ContainsKey(long key) => TryGetValue(key, out _);

    /// <summary>Adds or replaces the value of <paramref name="key"/>.</summary>
    public void Set(long key, TValue value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(key);
        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        if (Insert(_slots, _shift, key, value))
        {
            Count++;
        }
    }

    /// <summary>Removes <paramref name="key"/>; the slots after it move back so no probe chain breaks.</summary>
    public bool Remove(long key)
    {
        if (key <= 0)
        {
            return false;
        }

        var slots = _slots;
        var mask = slots.Length - 1;
        var i = Home(key);
        while (slots[i].Key != key)
        {
            if (slots[i].Key == 0)
            {
                return false;
            }

            i = (i + 1) & mask;
        }

        // Backward shift: walk the run after the hole; an entry moves into the hole when its home
        // does not lie cyclically in (hole, entry].
        var hole = i;
        for (var j = (i + 1) & mask; slots[j].Key != 0; j = (j + 1) & mask)
        {
            var home = Home(slots[j].Key);
            if (((j - home) & mask) >= ((j - hole) & mask))
            {
                slots[hole] = slots[j];
                hole = j;
            }
        }

        slots[hole] = default;
        Count--;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> _shift);

    private static bool Insert(Slot[] slots, int shift, long key, TValue value)
    {
        var mask = slots.Length - 1;
        for (var i = (int)((ulong)key * 0x9E3779B97F4A7C15UL >> shift); ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.Key == key)
            {
                slot.Value = value;
                return false;
            }

            if (slot.Key == 0)
            {
                slot = new Slot(key, value);
                return true;
            }
        }
    }

    private void Grow()
    {
        var bigger = new Slot[_slots.Length * 2];
        var shift = _shift - 1;
        foreach (var slot in _slots)
        {
            if (slot.Key != 0)
            {
                Insert(bigger, shift, slot.Key, slot.Value);
            }
        }

        (_slots, _shift) = (bigger, shift);
    }

    private struct Slot(long key, TValue value)
    {
        public long Key = key;
        public TValue Value = value;
    }
}
