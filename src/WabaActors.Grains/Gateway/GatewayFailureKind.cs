namespace WabaActors.Grains.Gateway;

public enum GatewayFailureKind
{
    /// <summary>Passing: timeout, rate limit, server error, circuit open (HTTP 503 <c>gateway_unavailable</c>).</summary>
    Unavailable,

    /// <summary>The reply made no sense or the provider refused us (HTTP 502 <c>gateway_error</c>).</summary>
    Error,
}
