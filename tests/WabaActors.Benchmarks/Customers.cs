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

    /// <summary>
    /// The share of customers, in percent, that the wire names by a BSUID instead of a phone
    /// (<c>WABA_BENCH_BSUID_PERCENT</c>, default 0: phone-only, comparable with runs before BSUIDs).
    /// </summary>
    public static int BsuidPercent { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("WABA_BENCH_BSUID_PERCENT"), CultureInfo.InvariantCulture, out var percent) ? Math.Clamp(percent, 0, 100) : 0;

    /// <summary>Whether the n-th customer is named by a BSUID (a fixed subset of <see cref="BsuidPercent"/> per hundred).</summary>
    public static bool IsBsuid(long n) => (ulong)n % 100 < (ulong)BsuidPercent;

    /// <summary>The n-th customer's BSUID, shaped as Meta's (a country, a dot, 20 digits).</summary>
    public static string Bsuid(long n) => string.Create(CultureInfo.InvariantCulture, $"US.{13491208655302741918UL + (ulong)n}");

    /// <summary>The n-th customer as the wire carries it: a phone, or a BSUID for the share asked.</summary>
    public static string Text(long n) => IsBsuid(n) ? Bsuid(n) : Id(n).ToString(CultureInfo.InvariantCulture);

    /// <summary>An index in [0, count) that jumps around, for picking among existing customers.</summary>
    public static long Pick(long op, long count) => (long)((ulong)op * 0x9E3779B97F4A7C15UL % (ulong)count);
}
