using CsCheck;
using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Tests.Maps;

/// <summary>
/// The customer map behaves as a dictionary keyed by (key, check) under any mix of sets, lookups and
/// expiries. BSUID keys come from a tiny range and checks from two values, so equal keys with different
/// checks (a collision of the 61 key bits) share probe runs: they must stay two entries, and expiring one
/// must leave the other (docs/adr/0020-customers-are-people.md, section 1).
/// </summary>
public sealed class CustomerMapProperty
{
    private static readonly Gen<(int Op, CustomerKey Key, long Value)> Step =
        Gen.Select(Gen.Int[0, 2], Gen.Bool, Gen.Long[1, 24], Gen.UInt[0, 1], Gen.Long[1, 6])
            .Select(t => (t.Item1, t.Item2 ? new CustomerKey(t.Item3, 0) : new CustomerKey(CustomerKey.BsuidTag | t.Item3, t.Item4), t.Item5));

    [Fact]
    public void Any_sequence_of_operations_matches_a_dictionary_of_key_and_check()
    {
        Step.Array[0, 300].Sample(steps =>
        {
            var map = new CustomerMap(static v => v * 10);
            var model = new Dictionary<CustomerKey, long>();
            foreach (var (op, key, value) in steps)
            {
                switch (op)
                {
                    case 0:
                        map.Set(key, value);
                        model[key] = value;
                        break;
                    case 1:
                        // A FIFO entry (key, stamp) removes every entry of that key whose value has that stamp.
                        map.Expire(key.Key, value * 10);
                        foreach (var k in model.Where(e => e.Key.Key == key.Key && e.Value == value).Select(e => e.Key).ToList())
                        {
                            model.Remove(k);
                        }

                        break;
                    default:
                        Assert.Equal(model.TryGetValue(key, out var expected), map.TryGetValue(key, out var actual));
                        Assert.Equal(expected, actual);
                        break;
                }

                Assert.Equal(model.Count, map.Count);
            }

            foreach (var (key, value) in model)
            {
                Assert.True(map.TryGetValue(key, out var actual));
                Assert.Equal(value, actual);
            }
        }, iter: 5_000);
    }

    [Fact]
    public void Keeps_two_bsuids_whose_keys_are_equal_apart()
    {
        var map = new CustomerMap(static v => v);
        var first = new CustomerKey(CustomerKey.BsuidTag | 42, 1);
        var second = new CustomerKey(CustomerKey.BsuidTag | 42, 2);

        map.Set(first, 100);
        map.Set(second, 200);
        map.Expire(first.Key, 100);

        Assert.False(map.ContainsKey(first));
        Assert.True(map.TryGetValue(second, out var kept) && kept == 200);
    }

    [Fact]
    public void Allocates_no_bsuid_table_while_every_customer_is_a_phone()
    {
        var map = new CustomerMap(static v => v);
        for (var i = 1; i <= 1_000; i++)
        {
            map.Set(new CustomerKey(420_600_000_000 + i, 0), i);
        }

        Assert.Equal(2_048, map.Capacity);
    }
}
