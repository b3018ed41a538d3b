using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using WabaActors.Contracts.Common;
using WabaActors.Grains.Faults;

namespace WabaActors.Host.Api;

/// <summary>
/// Passing server states (<see cref="Unavailable"/>) — a quota moving between activations after a silo
/// failure, the database unreachable (<see cref="StorageFault"/>: however the error arrived from the
/// grain), a grain call timing out, a silo shutting down — answer 503 with <c>Retry-After</c> and a
/// stable code, so the caller retries instead of treating it as a bug. Nothing was acknowledged. A
/// storage fault is counted by <see cref="FaultLog"/> (one line per kind and interval); being handled
/// here, none is logged again by the exception middleware (.NET 10 suppresses a handled exception's diagnostics).
/// </summary>
internal sealed class UnavailableExceptionHandler(IProblemDetailsService problems, FaultLog faults, IOptions<FaultOptions> options) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Unavailable.CodeOf(exception) is not { } code)
        {
            return false;
        }

        var storage = code == HostErrorCodes.StorageUnavailable && faults.TryRecord(exception, FaultSource.Http);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = (storage ? options.Value.RetryAfterSeconds : 1).ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable",
                Detail = storage
                    ? "The database could not be reached; nothing was acknowledged. Retry shortly."
                    : "The service could not decide safely right now; nothing was granted. Retry shortly.",
                Extensions = { ["code"] = code },
            },
        });
    }
}
