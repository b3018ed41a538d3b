using System.Globalization;
using Microsoft.Extensions.Options;
using WabaActors.Grains.Faults;

namespace WabaActors.Host.Api;

/// <summary>
/// Gives a messaging call's grain work a deadline: the request's cancellation token (the one its handler
/// passes to the grain call) is also cancelled when <see cref="FaultOptions.DecisionDeadline"/> passes, on
/// the wall clock (never the simulated business clock). A call cancelled that way answers
/// <c>503 timeout</c> with <c>Retry-After</c>; what the grain may still complete is replayed to the retry
/// with the same message id, so nothing is acknowledged twice or lost.
/// </summary>
internal sealed class DecisionDeadlineMiddleware(RequestDelegate next, IOptions<FaultOptions> options, IProblemDetailsService problems, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<DecisionDeadline>() is null)
        {
            await next(context);
            return;
        }

        var aborted = context.RequestAborted;
        using var deadline = new CancellationTokenSource(options.Value.DecisionDeadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, deadline.Token);
        context.RequestAborted = linked.Token;
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !aborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Temporarily unavailable",
                    Detail = string.Create(CultureInfo.InvariantCulture,
                        $"No decision within {options.Value.DecisionDeadline.TotalSeconds:0.###} s (a silo is leaving or the database is slow); nothing was acknowledged. Retry with the same messageId."),
                    Extensions = { ["code"] = HostErrorCodes.Timeout },
                },
            });
        }
        finally
        {
            context.RequestAborted = aborted;
        }
    }
}
