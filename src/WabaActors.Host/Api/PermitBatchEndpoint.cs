using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using WabaActors.Contracts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Common;
using WabaActors.Grains;
using WabaActors.Host.Security;

namespace WabaActors.Host.Api;

/// <summary>
/// <c>POST …/numbers/{phone}/permits/batch</c>: 1 to <c>WabaActors:Grains:PermitBatchLimit</c> permits in one
/// call, answered in order, each as the single <c>POST …/permits</c> answers it (a decision or its problem).
/// Only a wrong body or number refuses the whole batch; a batch takes a rate-limit token per permit.
/// </summary>
internal static class PermitBatchEndpoint
{
    public static RouteGroupBuilder MapPermitBatch(this RouteGroupBuilder numbers)
    {
        numbers.MapPost("/permits/batch", RequestPermitBatch).WithName("RequestPermitBatch").Produces<PermitBatchView>()
            .Describe("Ask whether many messages may go out now", "Decides 1 to 100 outgoing messages (WabaActors:Grains:PermitBatchLimit) in one call, in order: " +
                "each entry of `decisions` is what the single permit call would answer for that permit — its decision (allowed or denied, a replayed grant the same), " +
                "or its problem (`validation_failed` for a malformed or null entry, `message_id_reused`) while the other entries are still decided. " +
                "The whole batch is refused only for a wrong body (no `permits`, none or too many) or an unknown number. A batch of n takes n of the tenant's rate-limit tokens. " +
                "See docs/api.md § Batches of permits.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound);
        return numbers;
    }

    private static async Task<IResult> RequestPermitBatch(
        string tenant, string waba, string phone, PermitBatchBody body, IGrainFactory grains, RulesClock clock,
        IOptions<GrainOptions> options, IOptions<RateLimiterOptions> limiter, IOptions<RateLimitOptions> limits, HttpContext http, CancellationToken aborted)
    {
        if (PathIds.Check(tenant, waba, phone) is { } bad)
        {
            return bad;
        }

        var limit = options.Value.PermitBatchLimit;
        if (body.Permits is not { Count: > 0 } permits || permits.Count > limit)
        {
            return Problems.Validation("permits", $"permits is required: a batch holds 1 to {limit} permits.");
        }

        if (PermitTokens.TakeRest(http, permits.Count, limiter.Value, limits.Value) is { } refused)
        {
            return refused;
        }

        // Each entry is read as the single call reads its body. An entry that cannot be read stays null in what
        // the number gets (it decides nothing there, in its place) and is answered with the single call's problem.
        var requests = new PermitRequest[permits.Count];
        Failure?[]? invalid = null;
        for (var i = 0; i < requests.Length; i++)
        {
            if (permits[i] is { } entry && MessagingInput.Read(entry) is { } request)
            {
                requests[i] = request;
            }
            else
            {
                (invalid ??= new Failure?[requests.Length])[i] = permits[i] is { } malformed ? MessagingInput.Invalid(malformed) : NullEntry;
            }
        }

        var reply = await grains.Reference<INumberGrain>(phone).RequestPermitsAsync(new Scope(tenant, waba), requests, aborted);
        if (reply.Failure is { } failure)
        {
            return failure.ToProblem(clock.Now);
        }

        var replies = reply.Value!.Replies;
        var decisions = new object[replies.Count];
        for (var i = 0; i < decisions.Length; i++)
        {
            decisions[i] = invalid?[i] is { } problem ? problem.ToProblemBody()
                : replies[i].Failure is { } refusal ? refusal.ToProblemBody()
                : replies[i].Value!;
        }

        return TypedResults.Ok(new PermitBatchView(decisions));
    }

    private static readonly Failure NullEntry = MessagingInput.Failure(new Validator().Add("body", "A permit is a JSON object with customer, type and messageId; null found."));
}
