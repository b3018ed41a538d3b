namespace WabaActors.Host.Security;

/// <summary>What an authenticated key carries: its tenant (or <c>*</c>), never the key.</summary>
public static class ApiKeyClaims
{
    public const string Scheme = "ApiKey";

    public const string Tenant = "waba:tenant";

    /// <summary>The tenant of the caller's key, <c>*</c> for an operator, null when no key was accepted.</summary>
    public static string? KeyTenant(this HttpContext context) => context.User.FindFirst(Tenant)?.Value;
}
