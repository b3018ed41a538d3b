using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WabaActors.Host.Api;

/// <summary>Ready once the silo is active in the cluster.</summary>
internal sealed class SiloReadyCheck(ISiloStatusOracle oracle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(oracle.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Silo is {oracle.CurrentStatus}."));
}
