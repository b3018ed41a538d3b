using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using WabaActors.Domain.Common;

namespace WabaActors.Host.Api;

/// <summary>
/// A request the framework could not read (malformed JSON, a wrong type, a body over the limit)
/// is the client's error: a 4xx problem with a stable code and the JSON path at fault, never a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var status = bad.StatusCode;
        var json = bad.InnerException as JsonException;
        var field = json?.Path is { Length: > 2 } path ? path[2..] : "body";
        var detail = json is not null
            ? $"The body is not valid JSON for this call at '{json.Path ?? "$"}'."
            : status == StatusCodes.Status413PayloadTooLarge ? $"The body is larger than {ApiHosting.MaxBodyBytes} bytes." : "The request could not be read.";
        httpContext.Response.StatusCode = status;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = "The request could not be read", Detail = detail },
        };
        if (status == StatusCodes.Status400BadRequest)
        {
            context.ProblemDetails.Extensions["code"] = ErrorCodes.ValidationFailed;
            context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [detail] };
        }

        return await problems.TryWriteAsync(context);
    }
}
