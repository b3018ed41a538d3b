using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using WabaActors.Domain.Common;
using WabaActors.Host.Api;

namespace WabaActors.Host.Security;

/// <summary>
/// Rate limits count permits, not calls: the global limiter took one token for a batch's request; a batch of
/// n takes the other n − 1 from the same bucket (the limiter's own partition of the request) before anything
/// is decided, or is refused whole as the limiter refuses a call.
/// </summary>
internal static class PermitTokens
{
    /// <summary>Null when the tokens were taken (or nothing is limited); else the answer to give instead.</summary>
    public static IResult? TakeRest(HttpContext http, int permits, RateLimiterOptions limiter, RateLimitOptions limits)
    {
        if (permits <= 1 || limiter.GlobalLimiter is not { } global)
        {
            return null;
        }

        if (permits > limits.BucketSize)
        {
            // The bucket never holds this many tokens: waiting would not help.
            return Problems.Validation("permits", $"This tenant's rate limit allows at most {limits.BucketSize} permits at once: split the batch.");
        }

        using var lease = global.AttemptAcquire(http, permits - 1);
        if (lease.IsAcquired)
        {
            return null;
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limits.Period;
        http.Response.Headers.RetryAfter = Problems.RetryAfterSeconds(wait);
        return Problems.Of(ErrorCodes.RateLimited, $"Too many permits for this tenant: a batch of {permits} takes {permits} tokens; retry after the Retry-After seconds.");
    }
}
