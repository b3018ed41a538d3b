using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Templates;
using WabaActors.Domain.Common;
using WabaActors.Host.Api.OpenApi;
using WabaActors.Host.Webhooks;

namespace WabaActors.Host.Api;

/// <summary>
/// The HTTP surface's plumbing: JSON as docs/api.md describes it, ProblemDetails with a stable <c>code</c>
/// for every error (binding failures and unknown routes included), a 1 MiB body limit, OpenAPI.
/// </summary>
public static class ApiHosting
{
    public const long MaxBodyBytes = 1024 * 1024;

    public const int MaxRequestLineBytes = 16 * 1024;

    public static WebApplicationBuilder AddWabaApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxBodyBytes;

            // Long enough that a hostile 10k-character path segment reaches the API and gets its problem
            // answer; beyond it Kestrel itself refuses (a bare 414).
            k.Limits.MaxRequestLineSize = MaxRequestLineBytes;
        });
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;

            // No request binds a number from a string; Strict makes integers plain integers in the OpenAPI document.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.MaxDepth = 32;
            o.SerializerOptions.Converters.Add(new UtcInstantConverter());

            // The contract's enums that carry no converter of their own are written as their snake-case names too.
            o.SerializerOptions.Converters.Add(new SnakeCaseEnumConverter<TemplateCategory>());
            o.SerializerOptions.Converters.Add(new SnakeCaseEnumConverter<TemplateStatus>());
            o.SerializerOptions.Converters.Add(new SnakeCaseEnumConverter<OutcomeEffect>());
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Problems raised by the framework itself (bad JSON, wrong media type, unknown route,
            // body too large) get a stable code too.
            if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
            {
                ctx.ProblemDetails.Extensions["code"] = ctx.ProblemDetails.Status switch
                {
                    400 => ErrorCodes.ValidationFailed,
                    404 => ErrorCodes.NotFound,
                    405 => HostErrorCodes.MethodNotAllowed,
                    413 => HostErrorCodes.PayloadTooLarge,
                    415 => HostErrorCodes.UnsupportedMediaType,
                    429 => ErrorCodes.RateLimited,
                    _ when ctx.ProblemDetails.Status >= 500 => HostErrorCodes.InternalError,
                    _ => HostErrorCodes.RequestFailed,
                };
            }
        });
        services.AddSingleton<IProblemDetailsWriter, JsonProblemDetailsWriter>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<UnavailableExceptionHandler>();
        services.AddSingleton<RulesClock>();
        services.AddWabaWebhooks();
        services.AddOpenApi(o =>
        {
            o.AddSchemaTransformer<InstantSchemaTransformer>();
            o.AddOperationTransformer<ContractOperationTransformer>();
            o.AddDocumentTransformer<ContractDocumentTransformer>();
        });
        services.AddHealthChecks().AddCheck<SiloReadyCheck>("silo", tags: ["ready"]);
        return builder;
    }
}
