using System.Net;
using WabaActors.Grains.Gateway;

namespace WabaActors.Gateway.Dialog360;

/// <summary>HTTP statuses that are a failure whatever the call: rate limit, server errors, a refused key.</summary>
internal static class Dialog360Statuses
{
    public static GatewayFailure? Failure(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => GatewayFailure.Unavailable("360dialog is rate limiting our calls", RetryAfter(response)),
            HttpStatusCode.RequestTimeout => GatewayFailure.Unavailable("360dialog timed out"),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => GatewayFailure.Error($"360dialog refused our partner key (HTTP {status})"),
            _ when status >= 500 => GatewayFailure.Unavailable($"360dialog answered HTTP {status}", RetryAfter(response)),
            _ => null,
        };
    }

    /// <summary>The <c>Retry-After</c> header as a wait (seconds or an HTTP date), null when absent or past.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } at && response.Headers.Date is { } now ? at - now : null);
        return wait > TimeSpan.Zero ? wait : null;
    }
}
