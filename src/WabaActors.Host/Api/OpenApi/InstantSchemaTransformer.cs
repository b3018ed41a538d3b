using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WabaActors.Host.Api.OpenApi;

/// <summary>
/// Instants are written by <see cref="UtcInstantConverter"/>, a custom converter the schema exporter
/// cannot see through: it gives them no type. They are RFC 3339 strings (<c>date-time</c>), arrays of them included.
/// </summary>
internal sealed class InstantSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (IsInstant(type))
        {
            schema.Type = JsonSchemaType.String | (type == typeof(DateTimeOffset?) ? JsonSchemaType.Null : 0);
            schema.Format = "date-time";
        }
        else if (context.JsonTypeInfo.ElementType is { } element && IsInstant(element) && schema.Type is { } t && t.HasFlag(JsonSchemaType.Array))
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" };
        }

        return Task.CompletedTask;
    }

    private static bool IsInstant(Type type) => type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?);
}
