using System.Globalization;

namespace WabaActors.Tests.Shared;

/// <summary>
/// Fresh keys for every test, so that tests sharing a cluster never meet; compiled into the grain and
/// durability tests (tests/Shared). One <see cref="Interlocked"/> counter per test assembly keeps them
/// unique across the clusters that run in parallel in one process. The API tests keep their own
/// <c>Ids</c> (tests/WabaActors.Api.Tests/Support/Ids.cs): over HTTP the ids take Meta's shapes
/// (<c>W_…</c>, <c>wamid.…</c>, 13-digit Business Manager ids) from a random base.
/// </summary>
public static class Ids
{
    private static int _next;

    public static string Tenant() => "tenant-" + Next();

    public static string Waba() => "waba-" + Next();

    /// <summary>Ten random hex digits (the durability tests' tenant and WABA keys).</summary>
    public static string Short() => Guid.NewGuid().ToString("N")[..10];

    /// <summary>A 12-digit E.164 number without the <c>+</c>.</summary>
    public static string Phone() => "4206" + Next().ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>A 10-digit WhatsApp user id.</summary>
    public static string Customer() => "77" + Next().ToString("D8", CultureInfo.InvariantCulture);

    public static string Message() => "msg-" + Next().ToString(CultureInfo.InvariantCulture);

    /// <summary>A Business Manager id (digits): the first tenant to name one claims it (ADR 0018).</summary>
    public static string BusinessManager() => "9" + Next().ToString("D9", CultureInfo.InvariantCulture);

    private static int Next() => Interlocked.Increment(ref _next);
}
