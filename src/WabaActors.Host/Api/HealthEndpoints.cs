using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace WabaActors.Host.Api;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>/health/live</c>: the process answers (nothing else is asked: a database outage must not get it
    /// restarted). <c>/health/ready</c>: the silo is active and, on PostgreSQL, the database answers
    /// (<see cref="PostgreSqlReadyCheck"/>). Status code only.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = (_, _) => Task.CompletedTask });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = (_, _) => Task.CompletedTask });
        return app;
    }
}
