using WabaActors.Contracts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Common;

namespace WabaActors.Host.Api;

/// <summary>The messaging pipeline's calls: inbound messages, permits, windows.</summary>
public static class MessagingEndpoints
{
    public static IEndpointRouteBuilder MapMessagingEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(AccountsEndpoints.Prefix + "/numbers/{phone}").WithTags("Messaging").WithMetadata(DecisionDeadline.Marker);
        g.MapPost("/inbound", RecordInbound).WithName("RecordInbound").Produces<WindowView>()
            .Describe("Record a customer's message or call", "Records a customer's message (or, with kind call, a call the customer started) to this number, which opens (or extends) the 24 h customer-service window. " +
                "The customer is a phone or a BSUID; a userId (BSUID) beside a phone links the two ids as one person. See docs/api.md § Messaging and § Customers are people.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound, ErrorCodes.TimestampInFuture);
        g.MapPost("/permits", RequestPermit).WithName("RequestPermit").Produces<PermitDecision>()
            .Describe("Ask whether a message may go out now", "Decides one outgoing message: allowed, or denied with a stable reason (a 200 either way). A granted messageId repeated answers the same grant. " +
                "The customer is a phone or a BSUID; a userId (BSUID) beside a phone links the two ids as one person. A template permit may name its template (decided on its status in the account's registry) and category; " +
                "an allowed decision carries its pricing. See docs/api.md § Messaging, § Templates, § Pricing on every allowed decision and docs/errors.md § Denial reasons.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound, ErrorCodes.MessageIdReused);
        g.MapPermitBatch();
        g.MapPost("/outcomes", RecordOutcome).WithName("RecordOutcome").Produces<OutcomeResult>()
            .Describe("Tell Meta's verdict on an earlier send", "Records a status Meta gave a send (for errors the Cloud API answered synchronously; status webhooks teach the same), " +
                "once per (messageId, status): 131047 closes the customer's window, 131049 holds marketing templates to the customer for 24 h (marketing_limit_per_user), " +
                "131050 stops them until a resume (marketing_opted_out). Answers the effect it had. See docs/api.md § Meta's verdicts on earlier sends.",
                ErrorCodes.ValidationFailed, ErrorCodes.NotFound, ErrorCodes.TimestampInFuture);
        g.MapGet("/windows/{customer}", GetWindow).WithName("GetWindow").Produces<WindowView>()
            .Describe("Read a customer-service window", "Whether the customer's 24 h window with this number is open, and until when. The customer is a phone (digits, no '+') or a BSUID; " +
                "linked ids of one person answer the same. See docs/api.md § Messaging.", ErrorCodes.ValidationFailed, ErrorCodes.NotFound);
        return app;
    }

    private static async Task<IResult> RecordInbound(
        string tenant, string waba, string phone, InboundBody body, IGrainFactory grains, RulesClock clock, CancellationToken aborted)
    {
        if (PathIds.Check(tenant, waba, phone) is { } bad)
        {
            return bad;
        }

        if (MessagingInput.Read(body) is not { } message)
        {
            return MessagingInput.Invalid(body).ToProblem(clock.Now);
        }

        return (await grains.Reference<INumberGrain>(phone).RecordInboundAsync(new Scope(tenant, waba), message, aborted)).ToHttp(clock.Now);
    }

    private static async Task<IResult> RequestPermit(
        string tenant, string waba, string phone, PermitBody body, IGrainFactory grains, RulesClock clock, CancellationToken aborted)
    {
        if (PathIds.Check(tenant, waba, phone) is { } bad)
        {
            return bad;
        }

        // The contract's type is parsed here, once: the grains receive the enum. An unknown type is
        // answered with every invalid field of the body, as the number would name them.
        if (MessagingInput.Read(body) is not { } request)
        {
            return MessagingInput.Invalid(body).ToProblem(clock.Now);
        }

        return (await grains.Reference<INumberGrain>(phone).RequestPermitAsync(new Scope(tenant, waba), request, aborted)).ToHttp(clock.Now);
    }

    private static async Task<IResult> RecordOutcome(
        string tenant, string waba, string phone, OutcomeBody body, IGrainFactory grains, RulesClock clock, CancellationToken aborted) =>
        PathIds.Check(tenant, waba, phone)
        ?? (OutcomeInput.Read(body) is { } outcome
            ? (await grains.Reference<INumberGrain>(phone).RecordOutcomeAsync(new Scope(tenant, waba), outcome, aborted)).ToHttp(clock.Now)
            : OutcomeInput.Invalid(body).ToProblem(clock.Now));

    private static async Task<IResult> GetWindow(
        string tenant, string waba, string phone, string customer, IGrainFactory grains, RulesClock clock, CancellationToken aborted) =>
        PathIds.Check(tenant, waba, phone) ?? PathIds.CheckCustomer(customer)
        ?? (await grains.Reference<INumberGrain>(phone).GetWindowAsync(new Scope(tenant, waba), customer, aborted)).ToHttp(clock.Now);
}
