using WabaActors.Contracts.Common;

namespace WabaActors.Client;

/// <summary>
/// The service could not decide right now and decided nothing: the database is unreachable
/// (<c>storage_unavailable</c>), a template quota is moving after a silo failure (<c>quota_unavailable</c>),
/// a call inside the cluster timed out (<c>timeout</c>) or the silo is leaving (<c>silo_unavailable</c>) —
/// the states the HTTP API answers <c>503</c>. Retriable: send the same request again (the same
/// <c>messageId</c>) after <see cref="RetryAfter"/>; a grant whose commit did land is then answered from it.
/// </summary>
public sealed class WabaUnavailableException(string code, TimeSpan retryAfter, Exception inner)
    : WabaRequestException(new Failure(code, $"The service is temporarily unavailable ({inner.Message}); nothing was decided. Retry shortly."), inner)
{
    /// <summary>How long to wait before sending the same request again.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <inheritdoc />
    public override bool IsRetriable => true;

    /// <summary>The passing state <paramref name="exception"/> (thrown by a grain call) reports, as this exception; null when it is none.</summary>
    public static WabaUnavailableException? From(Exception exception) =>
        Unavailable.CodeOf(exception) is { } code
            ? new WabaUnavailableException(code, code == Unavailable.StorageUnavailable ? Unavailable.StorageRetryAfter : Unavailable.RetryAfter, exception)
            : null;
}
