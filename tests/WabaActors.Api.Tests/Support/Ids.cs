using System.Globalization;

namespace WabaActors.Api.Tests.Support;

/// <summary>Fresh ids for every test, unique within the run (the host keeps all state for its lifetime).</summary>
public static class Ids
{
    private static long _next = Random.Shared.Next(1_000, 9_000) * 10_000L;

    public static string Tenant() => "t-" + Guid.NewGuid().ToString("N")[..12];

    public static string Waba() => "W_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>An E.164 number without '+', 12 digits.</summary>
    public static string Phone() => (420_700_000_000L + Interlocked.Increment(ref _next)).ToString(CultureInfo.InvariantCulture);

    /// <summary>A WhatsApp user id, 11 digits.</summary>
    public static string Customer() => (46_700_000_000L + Interlocked.Increment(ref _next)).ToString(CultureInfo.InvariantCulture);

    public static string MessageId() => "wamid." + Guid.NewGuid().ToString("N");

    /// <summary>A Business Manager id, 13 digits: the first tenant to name one claims it (ADR 0018).</summary>
    public static string BusinessManager() => (5_000_000_000_000L + Interlocked.Increment(ref _next)).ToString(CultureInfo.InvariantCulture);
}
