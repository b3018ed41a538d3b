using System.Text;
using Microsoft.Net.Http.Headers;

namespace WabaActors.Host.Api;

/// <summary>
/// A body declared in a character set .NET does not know (<c>charset=bogus</c>, <c>charset=</c>) is a
/// <c>415</c>: the JSON reader would otherwise throw an unhandled error (a 500) trying to decode it.
/// </summary>
internal static class KnownCharsets
{
    public static IApplicationBuilder UseKnownCharsetsOnly(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // A charset is a parameter: a media type without ';' (every well-formed JSON call) has none to check.
        if (context.Request.ContentType is { } header && header.Contains(';') && MediaTypeHeaderValue.TryParse(header, out var type)
            && type.Parameters.Any(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)) && !IsKnown(type.Charset.Value))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "The request's charset is not one this API reads; send UTF-8 JSON.").ExecuteAsync(context);
        }

        return next(context);
    });

    private static bool IsKnown(string? charset)
    {
        var name = HeaderUtilities.RemoveQuotes(charset).ToString();
        if (name.Length == 0)
        {
            return false;
        }

        try
        {
            Encoding.GetEncoding(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
