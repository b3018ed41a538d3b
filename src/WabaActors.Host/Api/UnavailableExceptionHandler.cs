using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using WabaActors.Contracts.Messaging;
using WabaActors.Grains.Faults;

namespace WabaActors.Host.Api;

/// <summary>
/// Passing server states — a quota moving between activations after a silo failure, the database
/// unreachable (<see cref="StorageFault"/>: however the error arrived from the grain), a grain call
/// timing out, a silo shutting down — answer 503 with <c>Retry-After</c> and a stable code, so the
/// caller retries instead of treating it as a bug. Nothing was acknowledged. A storage fault is counted
/// by <see cref="FaultLog"/> (one line per kind and interval); being handled here, none of these is
/// logged again by the exception middleware (.NET 10 suppresses a handled exception's diagnostics).
/// </summary>
internal sealed class UnavailableExceptionHandler(IProblemDetailsService problems, FaultLog faults, IOptions<FaultOptions> options) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (code, retryAfter) = exception switch
        {
            QuotaFencedException => (HostErrorCodes.QuotaUnavailable, 1),
            _ when faults.TryRecord(exception, FaultSource.Http) => (HostErrorCodes.StorageUnavailable, options.Value.RetryAfterSeconds),
            TimeoutException => (HostErrorCodes.Timeout, 1),
            SiloUnavailableException or OrleansMessageRejectionException => (HostErrorCodes.SiloUnavailable, 1),
            _ => ((string?)null, 0),
        };
        if (code is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable",
                Detail = code == HostErrorCodes.StorageUnavailable
                    ? "The database could not be reached; nothing was acknowledged. Retry shortly."
                    : "The service could not decide safely right now; nothing was granted. Retry shortly.",
                Extensions = { ["code"] = code },
            },
        });
    }
}
