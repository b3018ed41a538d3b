using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using WabaActors.Domain.Common;
using WabaActors.Host.Security;

namespace WabaActors.Host.Api.OpenApi;

/// <summary>
/// Every operation: a summary and a description (or the document fails to build), and one problem
/// answer per status it can give, each listing its codes (<c>x-error-codes</c>) with the shared
/// <c>Problem</c> schema. The codes are the endpoint's own (<see cref="ProblemCodesMetadata"/>) plus
/// those every call of its kind shares: keys (401/403), rate limits (429), bodies (413/415), the
/// cluster's passing states (503), and a <c>default</c> for anything else.
/// </summary>
internal sealed class ContractOperationTransformer : IOpenApiOperationTransformer
{
    public const string ProblemSchema = "Problem";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var name = operation.OperationId ?? context.Description.RelativePath;
        if (string.IsNullOrWhiteSpace(operation.Summary) || string.IsNullOrWhiteSpace(operation.Description))
        {
            throw new InvalidOperationException($"{name}: every operation needs a summary and a description (EndpointConventions.Describe).");
        }

        var own = metadata.OfType<ProblemCodesMetadata>().LastOrDefault()
            ?? throw new InvalidOperationException($"{name}: declare its error codes with EndpointConventions.Describe.");
        var path = new PathString("/" + (context.Description.RelativePath ?? string.Empty).Split('?')[0].TrimStart('/'));
        var codes = new List<string>(own.Codes);
        if (ApiPaths.NeedsKey(path))
        {
            codes.Add(ErrorCodes.Unauthorized);
            if (path.StartsWithSegments("/v1/tenants", StringComparison.OrdinalIgnoreCase))
            {
                codes.Add(ErrorCodes.ForbiddenTenant);
            }

            if (ApiPaths.IsAdmin(path) || metadata.OfType<OperatorOnlyAttribute>().Any())
            {
                codes.Add(ErrorCodes.OperatorKeyRequired);
            }
        }

        codes.Add(ErrorCodes.RateLimited);
        if (operation.RequestBody is not null && !ApiPaths.IsWebhook(path))
        {
            codes.Add(HostErrorCodes.PayloadTooLarge);
            codes.Add(HostErrorCodes.UnsupportedMediaType);
        }

        if (!metadata.OfType<CallsNoGrainMetadata>().Any())
        {
            codes.AddRange([HostErrorCodes.QuotaUnavailable, HostErrorCodes.StorageUnavailable, HostErrorCodes.Timeout, HostErrorCodes.SiloUnavailable]);
        }

        codes.AddRange([HostErrorCodes.InternalError, HostErrorCodes.RequestFailed]);

        operation.Responses ??= [];
        foreach (var key in operation.Responses.Keys.Where(k => k == "default" || k.StartsWith('4') || k.StartsWith('5')).ToList())
        {
            operation.Responses.Remove(key);
        }

        var problem = new OpenApiSchemaReference(ProblemSchema, context.Document);
        foreach (var group in codes.Distinct(StringComparer.Ordinal).GroupBy(ErrorCatalog.StatusOf).OrderBy(g => g.Key ?? 1000))
        {
            var status = group.Key;
            var list = string.Join(", ", group.Select(c => $"`{c}`"));
            var response = new OpenApiResponse
            {
                Description = status is { } s ? $"{ReasonPhrases.GetReasonPhrase(s)}: {list}." : $"Any other error: {list}.",
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
                Extensions = new Dictionary<string, IOpenApiExtension>
                {
                    ["x-error-codes"] = new JsonNodeExtension(new JsonArray(group.Select(c => (JsonNode)JsonValue.Create(c)).ToArray())),
                },
            };
            if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
            {
                response.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Whole seconds to wait, at least 1 (sent when the answer knows a wait; see docs/errors.md).",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" },
                    },
                };
            }
            else if (status == StatusCodes.Status401Unauthorized && group.Contains(ErrorCodes.Unauthorized))
            {
                response.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["WWW-Authenticate"] = new OpenApiHeader
                    {
                        Description = "The scheme to use: `Bearer`.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                };
            }

            operation.Responses[status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"] = response;
        }

        return Task.CompletedTask;
    }
}
