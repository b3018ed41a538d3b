using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace WabaActors.Grains.Rollout;

public static class EnforcementServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="EnforcementOptions"/> bound to <see cref="EnforcementOptions.Section"/> and checked at start, and the
    /// <see cref="TenantEnforcement"/> the number grains ask (it reads the options again on every configuration change).
    /// </summary>
    public static IServiceCollection AddWabaEnforcement(this IServiceCollection services)
    {
        services.AddOptions<EnforcementOptions>().BindConfiguration(EnforcementOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EnforcementOptions>, EnforcementOptionsValidator>());
        services.TryAddSingleton<TenantEnforcement>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<TenantEnforcement>());
        return services;
    }
}
