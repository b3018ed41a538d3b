using System.Globalization;

namespace WabaActors.Grains.Tests.Support;

/// <summary>Fresh keys for every test, so that tests sharing the cluster never meet.</summary>
public static class Ids
{
    private static int _next;

    public static string Tenant() => "tenant-" + Next();

    public static string Waba() => "waba-" + Next();

    /// <summary>A 12-digit E.164 number without the <c>+</c>.</summary>
    public static string Phone() => "4206" + Next().ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>A 10-digit WhatsApp user id.</summary>
    public static string Customer() => "77" + Next().ToString("D8", CultureInfo.InvariantCulture);

    public static string Message() => "msg-" + Next();

    /// <summary>A Business Manager id (digits): the first tenant to name one claims it (ADR 0018).</summary>
    public static string BusinessManager() => "9" + Next().ToString("D9", CultureInfo.InvariantCulture);

    private static int Next() => Interlocked.Increment(ref _next);
}
