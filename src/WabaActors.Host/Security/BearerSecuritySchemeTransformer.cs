using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WabaActors.Host.Security;

/// <summary>
/// Declares the security schemes and puts one on every operation: <c>Bearer</c> (the API key) on every
/// <c>/v1</c> operation except webhooks, which name theirs with <see cref="SecuredByAttribute"/> (Meta's
/// and 360dialog's HMAC signature headers, Meta's verify token). Operator-only operations say so in their description.
/// </summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Scheme = "Bearer";
    public const string MetaSignature = "MetaSignature";
    public const string Dialog360Signature = "Dialog360Signature";
    public const string MetaVerifyToken = "MetaVerifyToken";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key from Auth:ApiKeys. A tenant key reaches its own tenant only; an operator key (tenant *) reaches all. " +
                "With no keys configured the host allows every call.",
        };
        document.Components.SecuritySchemes[MetaSignature] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Hub-Signature-256",
            Description = "Meta's signature of a webhook delivery: `sha256=` and the hex HMAC-SHA256 of the raw body, keyed with WabaActors:Webhooks:AppSecret.",
        };
        document.Components.SecuritySchemes[Dialog360Signature] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-360dialog-Signature",
            Description = "360dialog's signature of a partner webhook: the HMAC-SHA256 of the raw body, keyed with WabaActors:Webhooks:Dialog360Secret (docs/security.md).",
        };
        document.Components.SecuritySchemes[MetaVerifyToken] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Query,
            Name = "hub.verify_token",
            Description = "Meta's subscription handshake: equal to WabaActors:Webhooks:VerifyToken.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = new PathString("/" + (context.Description.RelativePath ?? string.Empty).Split('?')[0].TrimStart('/'));
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var scheme = metadata.OfType<SecuredByAttribute>().LastOrDefault()?.Scheme ?? (ApiPaths.NeedsKey(path) ? Scheme : null)
            ?? throw new InvalidOperationException($"{operation.OperationId}: no security scheme (an API key path, or SecuredBy).");
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }];
        if (ApiPaths.IsAdmin(path) || metadata.OfType<OperatorOnlyAttribute>().Any())
        {
            operation.Description = (operation.Description is { Length: > 0 } d ? d + "\n\n" : string.Empty) + "Needs an operator key (tenant `*`).";
        }

        return Task.CompletedTask;
    }
}
