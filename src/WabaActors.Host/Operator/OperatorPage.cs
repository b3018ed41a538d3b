using Microsoft.Extensions.Options;
using WabaActors.Host.Api;

namespace WabaActors.Host.Operator;

/// <summary>
/// <c>GET /operator/accounts/{tenant}/{waba}</c>: one account for an operator (onboarding, reviews,
/// numbers, template recipients, templates, spend, verdicts, latest events), drawn in the browser from the
/// JSON API and the page's own <c>…/activity</c> (<see cref="OperatorActivity"/>). The files hold no data, so
/// they need no key; the calls they make do (see docs/operator.md).
/// </summary>
public static class OperatorPage
{
    public const string Prefix = "/operator";

    // Only this origin's script, style and API; no inline script, no framing, no referrer.
    private const string ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static WebApplication MapOperatorPage(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<OperatorPageSettings>>().Value.Enabled)
        {
            return app;
        }

        var g = app.MapGroup(Prefix).ExcludeFromDescription();
        g.MapGet("/accounts/{tenant}/{waba}", (string tenant, string waba, HttpContext http) =>
            PathIds.Check(tenant, waba) ?? Serve("index.html", http));
        g.MapGet("/assets/{name}", (string name, HttpContext http) => Serve(name, http));
        g.MapOperatorActivity();
        OperatorLog.Page(app.Logger, Prefix + "/accounts/{tenant}/{waba}");
        return app;
    }

    private static IResult Serve(string name, HttpContext http)
    {
        if (PageAssets.Find(name) is not { } asset || name == "index.html" && http.Request.Path.StartsWithSegments(Prefix + "/assets", StringComparison.Ordinal))
        {
            return Problems.NotFound("The file");
        }

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        return http.Request.Headers.IfNoneMatch == asset.ETag
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(asset.Bytes, asset.ContentType);
    }
}
