using CsCheck;
using WabaActors.Domain.Common;

namespace WabaActors.Domain.Tests.Maps;

/// <summary>
/// The flat map behaves as a Dictionary under any mix of sets, removals and lookups. Keys come from
/// a small range (with the refused 0 and -1) so that probe chains collide, wrap around the end of the array and are cut by
/// removals (the backward shift is where an open-addressing table goes wrong).
/// </summary>
public sealed class LongMapProperty
{
    private static readonly Gen<(int Op, long Key, long Value)> Step =
        Gen.Select(Gen.Int[0, 2], Gen.Long[-1, 64], Gen.Long);

    [Fact]
    public void Any_sequence_of_operations_matches_a_dictionary()
    {
        Step.Array[0, 400].Sample(steps =>
        {
            var map = new LongMap<long>();
            var model = new Dictionary<long, long>();
            foreach (var (op, key, value) in steps)
            {
                switch (op)
                {
                    case 0 when key <= 0:
                        Assert.Throws<ArgumentOutOfRangeException>(() => map.Set(key, value));
                        break;
                    case 0:
                        map.Set(key, value);
                        model[key] = value;
                        break;
                    case 1:
                        Assert.Equal(model.Remove(key), map.Remove(key));
                        break;
                    default:
                        Assert.Equal(model.TryGetValue(key, out var expected), map.TryGetValue(key, out var actual));
                        Assert.Equal(expected, actual);
                        break;
                }

                Assert.Equal(model.Count, map.Count);
            }

            foreach (var key in Enumerable.Range(-1, 66).Select(k => (long)k))
            {
                Assert.Equal(model.TryGetValue(key, out var expected), map.TryGetValue(key, out var actual));
                Assert.Equal(expected, actual);
            }
        }, iter: 5_000);
    }

    [Fact]
    public void Stays_at_most_half_full_as_it_grows()
    {
        var map = new LongMap<long>();
        for (var k = 1L; k <= 100_000; k++)
        {
            map.Set(k * 7_919, k);
        }

        Assert.Equal(100_000, map.Count);
        Assert.InRange(map.Capacity, 200_000, 524_288);
        Assert.True(map.TryGetValue(7_919 * 54_321L, out var v) && v == 54_321);
    }

    [Fact]
    public void Refuses_key_zero_which_marks_an_empty_slot()
    {
        var map = new LongMap<long>();
        Assert.Throws<ArgumentOutOfRangeException>(() => map.Set(0, 1));
        Assert.False(map.ContainsKey(0));
    }
}
