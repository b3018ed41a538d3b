using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using WabaActors.Grains.Telemetry;
using WabaActors.Host.Hosting;
using WabaActors.Host.Security;

namespace WabaActors.Host.Telemetry;

/// <summary>
/// OpenTelemetry (docs/telemetry.md): the service's, Orleans', ASP.NET Core's, the runtime's and
/// Npgsql's metrics, scrapeable in Prometheus format; spans of HTTP requests, grain calls, group
/// commits and SQL when traced; everything to OTLP when a collector is configured.
/// </summary>
public static class TelemetryHosting
{
    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static WebApplicationBuilder AddWabaTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        builder.AddWabaLogging();

        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        var otlp = OtlpTarget.From(options, builder.Configuration);
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName, serviceInstanceId: Environment.MachineName));
        otel.WithMetrics(metrics =>
        {
            metrics.AddMeter(TelemetryNames.Meter, "Microsoft.Orleans")
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation();
            if (options.Prometheus)
            {
                metrics.AddPrometheusExporter();
            }

            if (otlp is not null)
            {
                metrics.AddOtlpExporter(o => otlp.Configure(o, "v1/metrics"));
            }
        });

        services.ConfigureOpenTelemetryMeterProvider((sp, metrics) => metrics.AddView(OwnInstrumentsOnly(sp.GetService<IMeterFactory>())));
        if (options.Traces ?? otlp is not null)
        {
            otel.WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(Math.Clamp(options.TraceSampleRatio, 0, 1))))
                    .AddSource(TelemetryNames.ActivitySource)
                    .AddSource(OrleansSources)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsScrape(http.Request.Path, options))
                    .AddNpgsql();
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(o => otlp.Configure(o, "v1/traces"));
                }
            });

            // Only when traced: without a listener the filters would cost every grain call for nothing.
            builder.UseOrleans(silo => silo.AddActivityPropagation());
        }

        if (otlp is not null)
        {
            otel.WithLogging(logs => logs.AddOtlpExporter(o => otlp.Configure(o, "v1/logs")), o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
            });
        }

        return builder;
    }

    /// <summary><c>GET /metrics</c> (Prometheus text); operator key required whenever API keys are configured.</summary>
    public static WebApplication MapWabaTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options is { Enabled: true, Prometheus: true })
        {
            app.MapPrometheusScrapingEndpoint(options.MetricsPath).RequireOperatorKey().WithDisplayName("Prometheus metrics");
        }

        var otlp = OtlpTarget.From(options, app.Configuration);
        app.Lifetime.ApplicationStarted.Register(() => HostLog.Telemetry(
            app.Logger,
            options is { Enabled: true, Prometheus: true } ? options.MetricsPath : "off",
            options.Enabled && (options.Traces ?? otlp is not null),
            options.Enabled ? otlp?.Display ?? "off" : "off"));
        return app;
    }

    /// <summary>
    /// A meter provider listens to meters by name, process-wide: in a process with several hosts (the
    /// API tests) it would merge their instruments, and one host's disposal would end the others'
    /// series. Instruments of a meter made by another host's <see cref="IMeterFactory"/> are dropped.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OwnInstrumentsOnly(IMeterFactory? own) =>
        instrument => instrument.Meter.Scope is IMeterFactory scope && !ReferenceEquals(scope, own) ? MetricStreamConfiguration.Drop : null;

    private static bool IsScrape(PathString path, TelemetryOptions options) =>
        path.StartsWithSegments(options.MetricsPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
