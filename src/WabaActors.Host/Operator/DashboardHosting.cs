using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using WabaActors.Host.Security;

namespace WabaActors.Host.Operator;

/// <summary>
/// The Orleans Dashboard co-hosted with the silo (Orleans 10's <c>Microsoft.Orleans.Dashboard</c>):
/// <c>AddDashboard</c> on the silo, its assets and JSON calls mapped as one route group that needs an
/// operator key — as a Bearer token, or as the password of HTTP Basic so that a browser can open it.
/// </summary>
public static class DashboardHosting
{
    public static WebApplicationBuilder AddWabaDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DashboardSettings>().BindConfiguration(DashboardSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DashboardSettings>, DashboardSettingsValidator>();
        var settings = builder.Configuration.GetSection(DashboardSettings.Section).Get<DashboardSettings>() ?? new DashboardSettings();
        if (settings.Enabled)
        {
            builder.UseOrleans(silo => silo.AddDashboard(o => o.HideTrace = settings.HideTrace));
        }

        return builder;
    }

    public static WebApplication MapWabaDashboard(this WebApplication app)
    {
        // Reading the value validates it, before a malformed path reaches the router.
        var settings = app.Services.GetRequiredService<IOptions<DashboardSettings>>().Value;
        if (settings.Enabled)
        {
            app.MapOrleansDashboard(settings.Path).RequireOperatorKey().AllowBrowserKey().ExcludeFromDescription();
            OperatorLog.Dashboard(app.Logger, settings.Path);
        }

        return app;
    }
}
