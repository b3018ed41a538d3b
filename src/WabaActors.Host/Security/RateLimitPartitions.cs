using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using WabaActors.Domain.Common;
using WabaActors.Host.Api;

namespace WabaActors.Host.Security;

/// <summary>
/// One token bucket per caller: the tenant of the key (an operator key has its own), else — with no
/// keys configured — the route's <c>{tenant}</c>, else the remote address. With keys configured a
/// call without a valid key is counted by address, so it cannot drain a tenant's bucket.
/// Health and the OpenAPI document are never limited.
/// </summary>
internal static class RateLimitPartitions
{
    public static RateLimitPartition<string> For(HttpContext context, RateLimitOptions options, ApiKeyRing keys)
    {
        if (!context.Request.Path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var partition = context.KeyTenant() is { } keyTenant ? "key:" + keyTenant
            : !keys.Enabled && context.GetRouteValue("tenant") is string tenant ? "tenant:" + tenant
            : "address:" + context.Connection.RemoteIpAddress;
        return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.BucketSize,
            TokensPerPeriod = options.PermitsPerPeriod,
            ReplenishmentPeriod = options.Period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary><c>429 rate_limited</c> with <c>Retry-After</c> in whole seconds (≥ 1).</summary>
    public static ValueTask Reject(OnRejectedContext rejected, RateLimitOptions options)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.Period;
        var http = rejected.HttpContext;
        http.Response.Headers.RetryAfter = Problems.RetryAfterSeconds(wait);
        return new ValueTask(Problems.Of(ErrorCodes.RateLimited, "Too many calls for this tenant; retry after the Retry-After seconds.").ExecuteAsync(http));
    }
}
