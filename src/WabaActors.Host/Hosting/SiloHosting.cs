using Microsoft.Extensions.Options;
using Orleans.Reminders;
using WabaActors.Domain.Rules;
using WabaActors.Grains;
using WabaActors.Grains.Storage;
using WabaActors.Grains.Time;

namespace WabaActors.Host.Hosting;

/// <summary>The silo: rules, clock, storage and reminders chosen by configuration (api.md "Operating the host").</summary>
public static class SiloHosting
{
    public static WebApplicationBuilder AddWabaSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(WabaOptions.Section).Get<WabaOptions>() ?? new WabaOptions();
        var services = builder.Services;
        services.AddOptions<WabaOptions>().BindConfiguration(WabaOptions.Section).ValidateOnStart();
        services.AddOptions<RulesOptions>().BindConfiguration(RulesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RulesOptions>, RulesOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RulesOptions>>().Value.ToRules());
        services.AddWabaClock(options.Clock);
        services.AddWabaGrainServices();

        builder.UseOrleans(silo =>
        {
            if (options.Storage == StorageKind.PostgreSql)
            {
                throw new InvalidOperationException(
                    $"{WabaOptions.Section}:Storage=PostgreSql is not available in this version; use Memory (the default).");
            }

            silo.UseLocalhostClustering();
            silo.AddMemoryGrainStorage(StorageNames.Grains);
            silo.UseInMemoryReminderService();
        });
        return builder;
    }

    /// <summary>One clock for the rules and the reminders: the system's, or the simulated one.</summary>
    public static IServiceCollection AddWabaClock(this IServiceCollection services, ClockKind kind)
    {
        TimeProvider clock = kind == ClockKind.Simulated ? new SimulatedClock() : TimeProvider.System;
        if (clock is SimulatedClock simulated)
        {
            services.AddSingleton(simulated);
        }

        services.AddKeyedSingleton(WabaClock.Key, clock);
        services.AddKeyedSingleton(ReminderTimeProviderNames.Reminders, clock);
        return services;
    }
}
