using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Common;

/// <summary>
/// The BSUID half of a <see cref="CustomerMap"/>: a flat table of (key, check, value) slots of 20 bytes,
/// open addressing with linear probing, at most half full, deletion by backward shift, like
/// <see cref="LongMap{TValue}"/>. Two customers whose keys are equal and whose checks differ are two
/// entries of one probe run: nothing merges (docs/adr/0020-customers-are-people.md, section 1).
/// </summary>
internal sealed class BsuidTable
{
    private const int MinCapacity = 8;
    private Slot[] _slots = new Slot[MinCapacity];
    private int _shift = 64 - BitOperations.Log2(MinCapacity);

    public int Count { get; private set; }

    public int Capacity => _slots.Length;

    public bool TryGetValue(CustomerKey key, out long value)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var i = Home(key.Key); slots[i].Key != 0; i = (i + 1) & mask)
        {
            if (slots[i].Key == key.Key && slots[i].Check == key.Check)
            {
                value = slots[i].Value;
                return true;
            }
        }

        value = 0;
        return false;
    }

    public void Set(CustomerKey key, long value)
    {
        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        if (Insert(_slots, _shift, key, value))
        {
            Count++;
        }
    }

    /// <summary>
    /// Removes every entry whose key is <paramref name="key"/> (any check) and whose value gives
    /// <paramref name="stamp"/> through <paramref name="stampOf"/>: what a FIFO entry of key and stamp
    /// stands for. An entry changed since its FIFO entry was queued has another stamp and stays.
    /// </summary>
    public void RemoveStamped(long key, long stamp, Func<long, long> stampOf)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var i = Home(key);
        while (slots[i].Key != 0)
        {
            if (slots[i].Key == key && stampOf(slots[i].Value) == stamp)
            {
                RemoveAt(i);
                continue; // the backward shift may have moved the next candidate into slot i
            }

            i = (i + 1) & mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> _shift);

    private void RemoveAt(int i)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
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
    }

    private static bool Insert(Slot[] slots, int shift, CustomerKey key, long value)
    {
        var mask = slots.Length - 1;
        for (var i = (int)((ulong)key.Key * 0x9E3779B97F4A7C15UL >> shift); ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.Key == key.Key && slot.Check == key.Check)
            {
                slot.Value = value;
                return false;
            }

            if (slot.Key == 0)
            {
                slot = new Slot { Key = key.Key, Check = key.Check, Value = value };
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
                Insert(bigger, shift, new CustomerKey(slot.Key, slot.Check), slot.Value);
            }
        }

        (_slots, _shift) = (bigger, shift);
    }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Slot
    {
        public long Key;
        public uint Check;
        public long Value;
    }
}
