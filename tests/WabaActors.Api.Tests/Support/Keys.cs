namespace WabaActors.Api.Tests.Support;

/// <summary>The API keys of the secured hosts: an operator, and one key each for tenants <see cref="A"/> and <see cref="B"/>.</summary>
public static class Keys
{
    public const string A = "sec-tenant-a";
    public const string B = "sec-tenant-b";

    public const string Operator = "op-key-5f0b7c2e9a1d4e36";
    public const string OfA = "a-key-7d21c9e0b64f4a18";
    public const string OfB = "b-key-0c93e5f1a27d4b60";

    public static Dictionary<string, string?> Settings() => new()
    {
        ["Auth:ApiKeys:0:Key"] = Operator,
        ["Auth:ApiKeys:0:Tenant"] = "*",
        ["Auth:ApiKeys:1:Key"] = OfA,
        ["Auth:ApiKeys:1:Tenant"] = A,
        ["Auth:ApiKeys:2:Key"] = OfB,
        ["Auth:ApiKeys:2:Tenant"] = B,
    };
}
