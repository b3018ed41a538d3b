namespace WabaActors.Grains.Gateway;

/// <summary>
/// The provider could not answer: <see cref="GatewayFailureKind.Unavailable"/> (timeout, 429, 5xx,
/// circuit open: try again later, after <see cref="RetryAfter"/> when known) or
/// <see cref="GatewayFailureKind.Error"/> (an unreadable or unexpected reply, a refused partner key).
/// <see cref="Reason"/> is safe to show a user: no key, no payload.
/// </summary>
public sealed record GatewayFailure(GatewayFailureKind Kind, string Reason)
{
    public TimeSpan? RetryAfter { get; init; }

    public static GatewayFailure Unavailable(string reason, TimeSpan? retryAfter = null) =>
        new(GatewayFailureKind.Unavailable, reason) { RetryAfter = retryAfter };

    public static GatewayFailure Error(string reason) => new(GatewayFailureKind.Error, reason);
}
