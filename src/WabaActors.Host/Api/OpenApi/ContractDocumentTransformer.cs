using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Numbers;
using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Numbers;
using WabaActors.Domain.Onboarding;

namespace WabaActors.Host.Api.OpenApi;

/// <summary>
/// The document as a typed client needs it: info (contact, license, the error-code table), a server
/// without a trailing slash, tag descriptions, one <c>Problem</c> schema with the <c>ErrorCode</c> enum,
/// a named enum component for every closed set (built from the C# enums and constants), request
/// bodies that are never nullable, and answers whose every property is required (written, null when
/// it does not apply).
/// </summary>
internal sealed partial class ContractDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        Describe(document);
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        DeclareWebhookBodies(document, schemas);
        DeclareSets(document, schemas);
        ApplyTables(document, schemas);
        DeclareBatchEntry(schemas);
        ApplyNullability(document, schemas);
        return Task.CompletedTask;
    }

    /// <summary>Info (contact, license, the error-code table), a server without a trailing slash, tag descriptions.</summary>
    private static void Describe(OpenApiDocument document)
    {
        document.Info.Title = "WabaActors";
        document.Info.Description = Description();
        document.Info.Contact = new OpenApiContact { Name = "mluvii" };
        document.Info.License = new OpenApiLicense { Name = "Proprietary" };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } url ? url : "/";
        }

        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
    }

    /// <summary>The webhook bodies as JSON objects, and the framework's components the document no longer uses dropped.</summary>
    private static void DeclareWebhookBodies(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas)
    {
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            // The webhook bodies are read raw (their signature covers the bytes): declared as a JSON object.
            if (operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var media)
                && media.Schema is OpenApiSchemaReference { Reference.Id: "JsonElement" })
            {
                media.Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "The provider's webhook envelope, read as sent (docs/meta-webhooks.md)." };
            }
        }

        foreach (var name in Dropped)
        {
            schemas.Remove(name);
        }
    }

    /// <summary>A named string enum per closed set, and the one <c>Problem</c> schema.</summary>
    private static void DeclareSets(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas)
    {
        foreach (var (name, (values, description)) in Sets)
        {
            schemas[name] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = description,
                Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-ms-enum"] = new JsonNodeExtension(MsEnum(name, values)) },
            };
        }

        schemas[ContractOperationTransformer.ProblemSchema] = Problem(document);
    }

    /// <summary>The tables: which property takes which set, what refines a value or a path parameter, what is never null.</summary>
    private static void ApplyTables(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas)
    {
        foreach (var (component, property, set, items) in Uses)
        {
            var schema = Object(schemas, component);
            if (schema.Properties is null || !schema.Properties.TryGetValue(property, out var current))
            {
                throw new InvalidOperationException($"OpenAPI: {component}.{property} does not exist (stale table in {nameof(ContractDocumentTransformer)}).");
            }

            var reference = new OpenApiSchemaReference(set, document);
            if (items)
            {
                schema.Properties[property] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = reference };
            }
            else
            {
                schema.Properties[property] = IsNullable(current) ? NullableRef(reference) : reference;
            }
        }

        foreach (var (component, property, refine) in Refinements)
        {
            var schema = Object(schemas, component);
            refine((schema.Properties is { } properties && properties.TryGetValue(property, out var value) ? value : null) as OpenApiSchema
                ?? throw new InvalidOperationException($"OpenAPI: {component}.{property} is not an inline schema (stale table in {nameof(ContractDocumentTransformer)})."));
        }

        foreach (var (component, property) in NeverNull)
        {
            var schema = Object(schemas, component);
            schema.Properties![property] = NotNull(schema.Properties[property]);
        }

        foreach (var (name, refine, description) in ParameterRefinements)
        {
            var parameters = document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
                .SelectMany(o => o.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Path && p.Name == name).ToList();
            if (parameters.Count == 0)
            {
                throw new InvalidOperationException($"OpenAPI: no path parameter {name} (stale table in {nameof(ContractDocumentTransformer)}).");
            }

            foreach (var parameter in parameters)
            {
                parameter.Description = description;
                refine(parameter.Schema as OpenApiSchema
                    ?? throw new InvalidOperationException($"OpenAPI: path parameter {name} has no inline schema (stale table in {nameof(ContractDocumentTransformer)})."));
            }
        }
    }

    /// <summary>Request bodies are never nullable; every property of an answer is required (null where it does not apply), but those <see cref="LeftOut"/>.</summary>
    private static void ApplyNullability(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas)
    {
        var requests = Reached(document, schemas, fromRequests: true);
        var responses = Reached(document, schemas, fromRequests: false);
        foreach (var name in requests.Intersect(responses).Where(n => !Sets.ContainsKey(n)))
        {
            throw new InvalidOperationException($"OpenAPI: {name} is both a request body and an answer; split it.");
        }

        foreach (var name in requests.Where(n => !Sets.ContainsKey(n)))
        {
            var schema = Object(schemas, name);
            foreach (var (property, value) in schema.Properties?.ToList() ?? [])
            {
                schema.Properties![property] = NotNull(value);
            }
        }

        foreach (var name in responses.Where(n => !Sets.ContainsKey(n) && n is not ContractOperationTransformer.ProblemSchema and not BatchEntrySchema))
        {
            var schema = Object(schemas, name);
            schema.Required = new HashSet<string>((schema.Properties?.Keys ?? []).Where(p => !LeftOut.Contains((name, p))), StringComparer.Ordinal);
        }
    }

    private static string Description()
    {
        var rows = ErrorCatalog.All.OrderBy(e => e.Code, StringComparer.Ordinal)
            .Select(e => $"| `{e.Code}` | {(e.Status is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "any other")} |");
        return "WhatsApp Business Account onboarding and the messaging rules: the HTTP contract of WabaActors, served at /openapi/v1.json. " +
            "Every error is an RFC 9457 `application/problem+json` with a stable `code`; a denied permit is a `200` with `allowed: false` and a `reason`. " +
            "docs/api.md and docs/errors.md in the repository say what each call, code and reason means and what to do. " +
            "A method that a path does not list is answered `405 method_not_allowed`.\n\n" +
            "| code | status |\n|---|---|\n" + string.Join('\n', rows);
    }

    private static OpenApiSchema Problem(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem (`application/problem+json`). Key client logic on `code` only: `title` and `detail` are for people.",
        Required = new HashSet<string>(["title", "status", "code"], StringComparer.Ordinal),
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A link to the HTTP status's section of RFC 9110 (absent for some statuses)." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The code in words, or the HTTP reason phrase." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status, repeated." },
            ["detail"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "One sentence for people.",
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-ms-primary-error-message"] = new JsonNodeExtension(JsonValue.Create(true)) },
            },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's path, when the framework writes it." },
            ["code"] = new OpenApiSchemaReference(ErrorCodeSchema, document),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "With `validation_failed`: each invalid field (body property, path id, query parameter or JSON path) and its messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["retryAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "When the same request may succeed (docs/errors.md says for which codes)." },
            ["attemptsLeft"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "Verification attempts left on the current code." },
            ["step"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "With `step_out_of_order`: the onboarding step (1-4) to do first." },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's W3C trace context; quote it when reporting a problem." },
        },
    };

    /// <summary>Microsoft's enum extension, which generators (Kiota) read for readable member names: <c>account_blocked</c> ⇒ <c>AccountBlocked</c>.</summary>
    private static JsonObject MsEnum(string name, IEnumerable<string> values) => new()
    {
        ["name"] = name,
        ["modelAsString"] = false,
        ["values"] = new JsonArray(values.Select(v => (JsonNode)new JsonObject
        {
            ["value"] = v,
            ["name"] = string.Concat(v.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
        }).ToArray()),
    };

    private static List<string> Snake<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(SnakeCase.Of).ToList();

    private static List<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!).ToList();

    private static OpenApiSchema Object(IDictionary<string, IOpenApiSchema> schemas, string name) =>
        schemas.TryGetValue(name, out var s) && s is OpenApiSchema schema
            ? schema
            : throw new InvalidOperationException($"OpenAPI: no component schema {name}.");

    private static bool IsNullable(IOpenApiSchema schema) =>
        (schema.Type is { } t && t.HasFlag(JsonSchemaType.Null)) || (schema.OneOf?.Any(o => o.Type == JsonSchemaType.Null) ?? false);

    private static OpenApiSchema NullableRef(IOpenApiSchema reference) =>
        new() { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference] };

    /// <summary>A request property without <c>null</c>: a client sends a value, or leaves an optional field out.</summary>
    private static IOpenApiSchema NotNull(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchema { OneOf: { Count: 2 } oneOf } && oneOf.Count(o => o.Type == JsonSchemaType.Null) == 1)
        {
            return oneOf.Single(o => o.Type != JsonSchemaType.Null);
        }

        if (schema is OpenApiSchema { Type: { } type } concrete && type.HasFlag(JsonSchemaType.Null))
        {
            concrete.Type = type & ~JsonSchemaType.Null;
        }

        return schema;
    }

    /// <summary>The component names reached (transitively) from the request bodies, or from the answers.</summary>
    private static HashSet<string> Reached(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas, bool fromRequests)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var operations = document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>());
        var roots = fromRequests
            ? operations.SelectMany(o => o.RequestBody?.Content?.Values ?? [])
            : operations.SelectMany(o => o.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>()).SelectMany(r => r.Content?.Values ?? []);
        foreach (var media in roots)
        {
            Walk(media.Schema);
        }

        return found;

        void Walk(IOpenApiSchema? schema)
        {
            switch (schema)
            {
                case null:
                    return;
                case OpenApiSchemaReference reference:
                    if (reference.Reference.Id is { } id && found.Add(id) && schemas.TryGetValue(id, out var target))
                    {
                        Walk(target);
                    }

                    return;
                default:
                    foreach (var child in (schema.Properties?.Values ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []))
                    {
                        Walk(child);
                    }

                    Walk(schema.Items);
                    Walk(schema.AdditionalProperties);
                    return;
            }
        }
    }
}
