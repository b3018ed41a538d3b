using Microsoft.Extensions.Logging.Console;

namespace WabaActors.Host.Telemetry;

/// <summary>The console log: human-readable or JSON, each line with the trace and span ids of its work.</summary>
public static class LoggingHosting
{
    public static WebApplicationBuilder AddWabaLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LogOptions>().BindConfiguration(LogOptions.Section).ValidateOnStart();
        var options = builder.Configuration.GetSection(LogOptions.Section).Get<LogOptions>() ?? new LogOptions();

        // Every log line written inside a request or a traced grain call carries its trace: the ids are a scope.
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (options.Json)
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = options.IncludeScopes;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.IncludeScopes = options.IncludeScopes;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }

        return builder;
    }
}
