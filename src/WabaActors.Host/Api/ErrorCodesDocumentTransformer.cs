using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WabaActors.Host.Api;

/// <summary>Writes the table of stable error codes (and their statuses) into the OpenAPI description.</summary>
internal sealed class ErrorCodesDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var rows = Problems.Codes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"| `{c.Key}` | {c.Value} |");
        document.Info.Title = "WabaActors";
        document.Info.Description =
            "WhatsApp Business Account onboarding and the messaging rules (the HTTP contract, served as OpenAPI at /openapi/v1.json). Every error is RFC 9457 " +
            "application/problem+json with a stable `code`; a denied permit is a 200 with `allowed: false` and a `reason`.\n\n" +
            "| code | status |\n|---|---|\n" + string.Join('\n', rows) +
            "\n| `method_not_allowed` | 405 |\n| `payload_too_large` | 413 |\n| `unsupported_media_type` | 415 |";
        return Task.CompletedTask;
    }
}
