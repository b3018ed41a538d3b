namespace WabaActors.Host.Operator;

/// <summary>The operator surfaces: the Orleans Dashboard and the account page.</summary>
public static class OperatorHosting
{
    public static WebApplicationBuilder AddWabaOperator(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OperatorPageSettings>().BindConfiguration(OperatorPageSettings.Section);
        return builder.AddWabaDashboard();
    }

    public static WebApplication MapWabaOperator(this WebApplication app) => app.MapWabaDashboard().MapOperatorPage();
}
