namespace WabaActors.Host.Security;

/// <summary>
/// The API keys (section <c>Auth</c>): <c>Auth:ApiKeys:N:Key</c> / <c>Auth:ApiKeys:N:Tenant</c>, env
/// <c>Auth__ApiKeys__0__Key</c>. Tenant <c>*</c> is an operator key. None configured: the host warns and allows all.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Auth";

    public List<ApiKeyEntry> ApiKeys { get; set; } = [];
}

public sealed class ApiKeyEntry
{
    /// <summary>The secret a caller presents as <c>Authorization: Bearer &lt;key&gt;</c>; at least <see cref="ApiKeyOptionsValidator.MinKeyLength"/> characters.</summary>
    public string? Key { get; set; }

    /// <summary>The tenant the key reaches (<c>[a-z0-9][a-z0-9-]{0,63}</c>), or <c>*</c> for an operator.</summary>
    public string? Tenant { get; set; }

    /// <summary>
    /// Optional, not secret: how the key is told apart in the <c>waba.auth.key_uses</c> counter while an old
    /// and a new key overlap (<c>[a-z0-9][a-z0-9._-]{0,63}</c>, e.g. <c>acme-2026-12</c>). Unset: <c>#</c> and the key's position.
    /// </summary>
    public string? Name { get; set; }
}
