namespace WabaActors.Host.Security;

/// <summary>Endpoint metadata: the OpenAPI security scheme that protects an endpoint that takes no API key (a webhook's signature or verify token).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class SecuredByAttribute(string scheme) : Attribute
{
    public string Scheme { get; } = scheme;
}
