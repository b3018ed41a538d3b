using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using WabaActors.Grains.Gateway;

namespace WabaActors.Gateway.Dialog360;

public static class Dialog360ServiceCollectionExtensions
{
    /// <summary>
    /// The 360dialog adapter as the <see cref="IWhatsAppGateway"/>: options bound and validated at start, the
    /// partner key in a default header, HttpClient's own logging off (its lines would carry the phone in the
    /// URL), and the pipeline: total timeout → retry (GET only) → circuit breaker → attempt timeout.
    /// </summary>
    public static IServiceCollection AddDialog360Gateway(this IServiceCollection services)
    {
        services.AddOptions<Dialog360Options>().BindConfiguration(Dialog360Options.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Dialog360Options>, Dialog360OptionsValidator>();
        services.AddHttpClient<IWhatsAppGateway, Dialog360Gateway>(Dialog360Gateway.ClientName, (sp, http) =>
            {
                var o = sp.GetRequiredService<IOptions<Dialog360Options>>().Value;
                http.BaseAddress = new Uri(o.BaseUrl.TrimEnd('/') + "/");
                http.DefaultRequestHeaders.TryAddWithoutValidation(o.ApiKeyHeader, o.PartnerKey);
                http.Timeout = Timeout.InfiniteTimeSpan;   // the pipeline's timeouts rule
                http.MaxResponseContentBufferSize = 1 << 20;
            })
            .RemoveAllLoggers()
            .AddResilienceHandler(Dialog360Gateway.ClientName, (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<Dialog360Options>>().Value;
                pipeline.AddTimeout(o.TotalTimeout);
                if (o.ReadRetries > 0)
                {
                    var retry = new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = o.ReadRetries,
                        Delay = o.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    };
                    retry.DisableForUnsafeHttpMethods();   // a code request or a verification is never sent twice
                    pipeline.AddRetry(retry);
                }

                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = o.BreakerFailureRatio,
                    MinimumThroughput = o.BreakerMinimumThroughput,
                    SamplingDuration = o.BreakerSamplingDuration,
                    BreakDuration = o.BreakerBreakDuration,
                });
                pipeline.AddTimeout(o.AttemptTimeout);
            });
        return services;
    }
}
