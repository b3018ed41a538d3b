using WabaActors.Contracts.Messaging;

namespace WabaActors.Contracts.Common;

/// <summary>
/// The passing server states in which a call decided nothing and may simply be sent again: the HTTP
/// host answers them <c>503</c> with their code and <c>Retry-After</c>, the .NET client raises them as
/// <c>WabaUnavailableException</c>. One mapping from what a grain call threw to the code, for both.
/// </summary>
public static class Unavailable
{
    /// <summary>A template quota moving to another activation after a silo failure (a fenced write).</summary>
    public const string QuotaUnavailable = "quota_unavailable";

    /// <summary>The database could not be reached (<see cref="StorageFault"/>).</summary>
    public const string StorageUnavailable = "storage_unavailable";

    /// <summary>A call inside the cluster timed out.</summary>
    public const string Timeout = "timeout";

    /// <summary>The silo holding the resource is leaving or gone.</summary>
    public const string SiloUnavailable = "silo_unavailable";

    /// <summary>The default wait before a retry of a <see cref="StorageUnavailable"/> (the host's is configurable).</summary>
    public static readonly TimeSpan StorageRetryAfter = TimeSpan.FromSeconds(2);

    /// <summary>The wait before a retry of the other states.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>The code of the passing state <paramref name="exception"/> reports; null when it is none (a bug, bad input).</summary>
    public static string? CodeOf(Exception exception) => exception switch
    {
        QuotaFencedException => QuotaUnavailable,
        _ when StorageFault.KindOf(exception) is not null => StorageUnavailable,
        TimeoutException => Timeout,
        SiloUnavailableException or OrleansMessageRejectionException => SiloUnavailable,
        _ => null,
    };
}
