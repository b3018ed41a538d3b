namespace WabaActors.Grains.Notifications;

/// <summary>
/// How one attempt ended: <see cref="Delivered"/> on a 2xx; otherwise a <see cref="Status"/> (the
/// HTTP status code, <c>timeout</c> or <c>network_error</c>), and the <c>Retry-After</c> if given.
/// </summary>
public sealed record DeliveryOutcome(bool Delivered, string Status, int? StatusCode = null, TimeSpan? RetryAfter = null)
{
    public const string Timeout = "timeout";
    public const string NetworkError = "network_error";

    /// <summary>A 4xx other than 408 and 429: the receiver refuses the request itself (endpoint, secret or body), so waiting alone will not fix it.</summary>
    public bool LooksMisconfigured => StatusCode is >= 400 and < 500 and not 408 and not 429;
}
