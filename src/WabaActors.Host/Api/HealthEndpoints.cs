using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace WabaActors.Host.Api;

public static class HealthEndpoints
{
    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: the silo is active. Status code only.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = (_, _) => Task.CompletedTask });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = (_, _) => Task.CompletedTask });
        return app;
    }
}
