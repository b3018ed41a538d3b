namespace WabaActors.Host.Security;

/// <summary>Which paths the key rules cover (docs/api.md "Authentication and tenant scoping").</summary>
public static class ApiPaths
{
    /// <summary>Every <c>/v1</c> call except Meta's webhooks (signed with the app secret instead).</summary>
    public static bool NeedsKey(PathString path) =>
        path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase) && !IsWebhook(path);

    public static bool IsWebhook(PathString path) => path.StartsWithSegments("/v1/webhooks", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>/v1/admin/*</c> needs an operator key, whether or not the route exists.</summary>
    public static bool IsAdmin(PathString path) => path.StartsWithSegments("/v1/admin", StringComparison.OrdinalIgnoreCase);
}
