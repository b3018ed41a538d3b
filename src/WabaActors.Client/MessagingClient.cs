using WabaActors.Contracts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Client;

/// <summary>
/// What the messaging pipeline asks before every send, and tells on every inbound message, over the
/// Orleans client (one grain call to the number; a second hop only for a template outside the window).
/// Every call throws <see cref="WabaRequestException"/> for a refusal of the request, and its subtype
/// <see cref="WabaUnavailableException"/> (<see cref="WabaRequestException.IsRetriable"/>, a <c>RetryAfter</c>)
/// when the service could not decide right now — the HTTP API's <c>503</c>s.
/// </summary>
/// <example>
/// <code>
/// var decision = await messaging.CheckSendAsync("acme", "waba-1", "+420601234567", "420777000111", MessageKind.Session, "msg-42");
/// var toUsername = await messaging.CheckSendAsync("acme", "waba-1", "+420601234567", "US.13491208655302741918", MessageKind.Session, "msg-43");
/// if (!decision.Allowed) { /* decision.Reason, decision.RetryAt */ }
/// var offer = await messaging.CheckSendAsync("acme", "waba-1", "+420601234567", "420777000111", MessageKind.Template, "msg-44", null,
///     new TemplateRef("spring_sale", "en_US"), TemplateCategory.Marketing);
/// if (offer.Allowed) { /* offer.Pricing.Category, offer.Pricing.Billable, offer.Pricing.Free */ }
/// </code>
/// </example>
public sealed partial class MessagingClient(IGrainFactory grains)
{
    /// <summary>May this message go out now? Idempotent per <paramref name="messageId"/>: a retry gets the same grant, counted once.</summary>
    /// <exception cref="WabaRequestException">Bad input, an unknown account or number, or a message id reused for another customer or kind.</exception>
    /// <exception cref="WabaUnavailableException">The service could not decide right now (the database unreachable, a silo leaving): retry after its <c>RetryAfter</c>.</exception>
    public Task<PermitDecision> CheckSendAsync(
        string tenant, string waba, string phone, string customer, MessageKind kind, string messageId, CancellationToken ct = default) =>
        CheckSendAsync(tenant, waba, phone, customer, kind, messageId, userId: null, ct);

    /// <summary>
    /// As <see cref="CheckSendAsync(string, string, string, string, MessageKind, string, CancellationToken)"/>, where
    /// <paramref name="customer"/> is a phone or a BSUID and <paramref name="userId"/> (null for none) is the same
    /// person's BSUID beside a phone: it links the two ids for the account (docs/api.md, "Customers are people").
    /// </summary>
    /// <exception cref="WabaRequestException">Bad input (a <paramref name="userId"/> that is not a BSUID too), an unknown account or number, or a message id reused.</exception>
    public async Task<PermitDecision> CheckSendAsync(
        string tenant, string waba, string phone, string customer, MessageKind kind, string messageId, string? userId, CancellationToken ct = default)
    {
        var reply = await Retriable(Number(phone).RequestPermitAsync(new Scope(tenant, waba), new PermitRequest(customer, kind, messageId, userId), ct));
        return Unwrap(reply);
    }

    /// <summary>
    /// Several sends from one number checked in one call (a queue's flush, a campaign's templates):
    /// decided in order exactly as if checked one by one with <see cref="CheckSendAsync(string, string, string, string, MessageKind, string, string?, CancellationToken)"/>, and
    /// answered once every grant is durable. One result per check, in order: a decision
    /// (<see cref="Reply{T}.Value"/>), or the failure that refused that check alone
    /// (<see cref="Reply{T}.Failure"/>: bad input, a reused message id). Many permits per grain call
    /// cost far less each than one per call (docs/adr/0016-permit-batches.md).
    /// </summary>
    /// <exception cref="WabaRequestException">An unknown account or number, or an empty batch or one over the silo's
    /// <c>WabaActors:Grains:PermitBatchLimit</c> (100 by default): then nothing was decided.</exception>
    public async Task<IReadOnlyList<Reply<PermitDecision>>> CheckSendBatchAsync(
        string tenant, string waba, string phone, IReadOnlyList<SendCheck> checks, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var requests = new PermitRequest[checks.Count];
        for (var i = 0; i < requests.Length; i++)
        {
            var check = checks[i] ?? throw new ArgumentException($"checks[{i}] is null.", nameof(checks));
            requests[i] = new PermitRequest(check.Customer, check.Kind, check.MessageId, check.UserId) { Template = check.Template, Category = check.Category };
        }

        var reply = await Retriable(Number(phone).RequestPermitsAsync(new Scope(tenant, waba), requests, ct));
        return Unwrap(reply).Replies;
    }

    /// <summary>
    /// A customer's message to <paramref name="phone"/> at <paramref name="timestamp"/> (the customer's own): opens or extends the window.
    /// A <paramref name="messageId"/> the number recorded in the last 24 h changes nothing, whatever its timestamp, and answers the window as it stands.
    /// </summary>
    /// <exception cref="WabaRequestException">Bad input, an unknown account or number, or a timestamp too far in the future.</exception>
    public Task<WindowView> RecordInboundAsync(
        string tenant, string waba, string phone, string customer, string messageId, DateTimeOffset timestamp, CancellationToken ct = default) =>
        RecordInboundAsync(tenant, waba, phone, customer, messageId, timestamp, userId: null, ct: ct);

    /// <summary>
    /// As <see cref="RecordInboundAsync(string, string, string, string, string, DateTimeOffset, CancellationToken)"/>, where
    /// <paramref name="customer"/> is a phone or a BSUID, <paramref name="userId"/> (null for none) is the same person's BSUID
    /// beside a phone (it links the two ids for the account), <paramref name="kind"/> says whether the customer wrote or
    /// called (both open the window), and <paramref name="entryPoint"/> names a free entry point (pricing only).
    /// </summary>
    /// <exception cref="WabaRequestException">Bad input (a <paramref name="userId"/> that is not a BSUID too), an unknown account or number, or a timestamp too far in the future.</exception>
    public async Task<WindowView> RecordInboundAsync(
        string tenant, string waba, string phone, string customer, string messageId, DateTimeOffset timestamp, string? userId,
        InboundKind kind = InboundKind.Message, EntryPoint entryPoint = EntryPoint.None, CancellationToken ct = default)
    {
        var message = new InboundMessage(customer, messageId, timestamp, userId, kind, entryPoint);
        var reply = await Retriable(Number(phone).RecordInboundAsync(new Scope(tenant, waba), message, ct));
        return Unwrap(reply);
    }

    private INumberGrain Number(string phone) => grains.Reference<INumberGrain>(phone.TrimStart('+'));

    /// <summary>A grain call whose passing failures (the database unreachable, a silo leaving, a timeout) become <see cref="WabaUnavailableException"/>.</summary>
    private static async ValueTask<T> Retriable<T>(ValueTask<T> call)
    {
        try
        {
            return await call;
        }
        catch (Exception e) when (WabaUnavailableException.From(e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    private static T Unwrap<T>(Reply<T> reply) => reply.Failure is { } failure ? throw new WabaRequestException(failure) : reply.Value!;
}
