using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WabaActors.Host.Security;

/// <summary>
/// Declares the <c>Bearer</c> scheme and requires it on every <c>/v1</c> operation except webhooks;
/// operator-only operations say so in their description.
/// </summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Scheme = "Bearer";

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
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = "/" + (context.Description.RelativePath ?? string.Empty).TrimStart('/');
        if (!ApiPaths.NeedsKey(new PathString(path.Split('?')[0])))
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] });
        if (ApiPaths.IsAdmin(new PathString(path)) || context.Description.ActionDescriptor.EndpointMetadata.OfType<OperatorOnlyAttribute>().Any())
        {
            operation.Description = (operation.Description is { Length: > 0 } d ? d + "\n\n" : string.Empty) + "Needs an operator key (tenant `*`).";
        }

        return Task.CompletedTask;
    }
}
