using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.OpenApi;
using WabaActors.Host.Reload;

namespace WabaActors.Host.Security;

/// <summary>
/// API keys (ADR 0006) and per-tenant rate limits: ASP.NET Core's authentication, authorization and
/// rate-limiting middleware with one scheme, one fallback policy and one partitioned limiter.
/// </summary>
public static class SecurityHosting
{
    public static WebApplicationBuilder AddWabaSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddLastGoodOptions<ApiKeyOptions>(ApiKeyOptions.Section, ApiKeyRing.Describe, ApiKeyRing.RefuseDroppingAllKeys);
        services.AddSingleton<ApiKeyRing>();
        services.AddSingleton<SecurityMetrics>();
        services.AddAuthentication(ApiKeyClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyClaims.Scheme, null);

        // The fallback policy covers every endpoint (and unmatched paths); the handler decides which paths need a key.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new ApiKeyAccessRequirement()).Build());
        services.AddSingleton<IAuthorizationHandler, ApiKeyAccessHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiKeyProblemsResultHandler>();

        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, ApiKeyRing>((limiter, configured, keys) =>
        {
            var options = configured.Value;
            if (!options.Enabled)
            {
                return;
            }

            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = System.Threading.RateLimiting.PartitionedRateLimiter.Create<HttpContext, string>(
                context => RateLimitPartitions.For(context, options, keys));
            limiter.OnRejected = (rejected, _) => RateLimitPartitions.Reject(rejected, options);
        });

        services.ConfigureAll<OpenApiOptions>(o =>
        {
            o.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            o.AddOperationTransformer<BearerSecuritySchemeTransformer>();
        });
        return builder;
    }

    /// <summary>Who is calling, then how often, then whether they may: a bad key is counted by address, not against a tenant.</summary>
    public static WebApplication UseWabaSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        var keys = app.Services.GetRequiredService<LastGoodOptions<ApiKeyOptions>>().Current.ApiKeys;
        if (keys.Count == 0)
        {
            SecurityLog.NoApiKeys(app.Logger);
        }
        else
        {
            var operators = keys.Count(k => k.Tenant == ApiKeyRing.Operator);
            SecurityLog.ApiKeys(app.Logger, keys.Count - operators, operators);
        }

        if (app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value is { Enabled: true } limit)
        {
            SecurityLog.RateLimit(app.Logger, limit.PermitsPerPeriod, limit.Period, limit.BucketSize);
        }

        return app;
    }
}
