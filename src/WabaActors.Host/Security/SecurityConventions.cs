namespace WabaActors.Host.Security;

public static class SecurityConventions
{
    /// <summary>Marks an endpoint (or group) as operator-only: a tenant key gets <c>403 operator_key_required</c>.</summary>
    public static TBuilder RequireOperatorKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OperatorOnlyAttribute());

    /// <summary>Lets a browser present the key as the password of HTTP Basic (<see cref="BrowserKeyAttribute"/>).</summary>
    public static TBuilder AllowBrowserKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BrowserKeyAttribute());

    /// <summary>Names the OpenAPI security scheme that protects an endpoint without an API key (<see cref="SecuredByAttribute"/>).</summary>
    public static TBuilder SecuredBy<TBuilder>(this TBuilder builder, string scheme)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SecuredByAttribute(scheme));
}
