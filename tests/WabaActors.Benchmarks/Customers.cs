using System.Globalization;
using WabaActors.Domain.Identity;

namespace WabaActors.Benchmarks;

/// <summary>
/// Customer ids for the benchmarks: the n-th is a scrambled 12-digit WhatsApp id (a bijection of
/// n), so that neighbouring ops do not touch neighbouring hash buckets as sequential ids would.
/// </summary>
public static class Customers
{
    public static long Id(long n) => 420_000_000_000 + (uint)(n * 2_654_435_761L);

    public static CustomerId Of(long n) => new(Id(n));

    /// <summary>The n-th customer as the wire carries it, for the naive baseline.</summary>
    public static string Text(long n) => Id(n).ToString(CultureInfo.InvariantCulture);

    /// <summary>An index in [0, count) that jumps around, for picking among existing customers.</summary>
    public static long Pick(long op, long count) => (long)((ulong)op * 0x9E3779B97F4A7C15UL % (ulong)count);
}
