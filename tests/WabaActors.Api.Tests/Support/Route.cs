using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace WabaActors.Api.Tests.Support;

/// <summary>
/// One method and route template of the running host, read from its <see cref="EndpointDataSource"/>,
/// so a test over "every route" covers new endpoints without being told.
/// </summary>
public sealed partial record Route(string Method, string Template, string? Name, Type? BodyType, bool BodyOptional)
{
    public bool IsWebhook => Template.StartsWith("/v1/webhooks", StringComparison.OrdinalIgnoreCase);

    public bool IsAdmin => Template.StartsWith("/v1/admin", StringComparison.OrdinalIgnoreCase);

    public bool HasTenant => Parameters.Contains("tenant");

    /// <summary>The call reads a JSON body (it binds one); a call that does not ignores whatever is sent.</summary>
    public bool ReadsBody => BodyType is not null;

    public IReadOnlyList<string> Parameters => [.. ParameterPattern().Matches(Template).Select(m => m.Groups[1].Value)];

    /// <summary>docs/api.md: only an operator key may decide reviews, set business verification or call /v1/admin/*.</summary>
    public bool OperatorOnly => IsAdmin || Template.EndsWith("/reviews/commerce-policy", StringComparison.Ordinal)
        || Template.EndsWith("/display-name/review", StringComparison.Ordinal) || Template.EndsWith("/business-verification", StringComparison.Ordinal);

    public HttpMethod HttpMethod => new(Method);

    /// <summary>The path with each parameter replaced by <paramref name="value"/>(its name), inserted as it is (escape it yourself).</summary>
    public string Fill(Func<string, string> value) => ParameterPattern().Replace(Template, m => value(m.Groups[1].Value));

    /// <summary>The path of <paramref name="account"/> (and its number) on this route, <paramref name="parameter"/> (if given) set to <paramref name="value"/>.</summary>
    public string For(TestAccount account, string? parameter = null, string? value = null) => Fill(p => p == parameter ? value! : p switch
    {
        "tenant" => account.Tenant,
        "waba" => account.Waba,
        "phone" => account.Phone,
        "customer" => "46700000001",
        _ => "x",
    });

    public static IReadOnlyList<Route> V1(EndpointDataSource source) =>
    [
        .. source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("v1/", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e =>
            {
                var accepts = e.Metadata.GetMetadata<IAcceptsMetadata>();
                var name = e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
                var template = "/" + e.RoutePattern.RawText!.Trim('/');
                return (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                    .Select(m => new Route(m, template, name, accepts?.RequestType, accepts?.IsOptional ?? false));
            })
            .OrderBy(r => r.Template, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal),
    ];

    public override string ToString() => $"{Method} {Template}";

    [GeneratedRegex("{([^}:?=]+)[^}]*}")]
    private static partial Regex ParameterPattern();
}
