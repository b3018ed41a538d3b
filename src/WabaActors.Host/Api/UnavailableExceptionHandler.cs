using Microsoft.AspNetCore.Diagnostics;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Host.Api;

/// <summary>
/// Passing server states — a quota moving between activations after a silo failure, a grain call
/// timing out, a silo shutting down — answer 503 with <c>Retry-After</c> and a stable code, so the
/// caller retries instead of treating it as a bug. Nothing was granted.
/// </summary>
internal sealed class UnavailableExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var code = exception switch
        {
            QuotaFencedException => HostErrorCodes.QuotaUnavailable,
            TimeoutException => HostErrorCodes.Timeout,
            SiloUnavailableException or OrleansMessageRejectionException => HostErrorCodes.SiloUnavailable,
            _ => null,
        };
        if (code is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable",
                Detail = "The service could not decide safely right now; nothing was granted. Retry shortly.",
                Extensions = { ["code"] = code },
            },
        });
    }
}
