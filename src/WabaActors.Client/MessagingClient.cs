using WabaActors.Contracts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Client;

/// <summary>
/// What the messaging pipeline asks before every send, and tells on every inbound message, over the
/// Orleans client (one grain call to the number; a second hop only for a template outside the window).
/// </summary>
/// <example>
/// <code>
/// var decision = await messaging.CheckSendAsync("acme", "waba-1", "+420601234567", "420777000111", MessageKind.Session, "msg-42");
/// if (!decision.Allowed) { /* decision.Reason, decision.RetryAt */ }
/// </code>
/// </example>
public sealed class MessagingClient(IGrainFactory grains)
{
    /// <summary>May this message go out now? Idempotent per <paramref name="messageId"/>: a retry gets the same grant, counted once.</summary>
    /// <exception cref="WabaRequestException">Bad input, an unknown account or number, or a message id reused for another customer or kind.</exception>
    public async Task<PermitDecision> CheckSendAsync(
        string tenant, string waba, string phone, string customer, MessageKind kind, string messageId, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var type = kind == MessageKind.Template ? "template" : "session";
        var reply = await Number(phone).RequestPermitAsync(new Scope(tenant, waba), new PermitRequest(customer, type, messageId));
        return Unwrap(reply);
    }

    /// <summary>A customer's message to <paramref name="phone"/> at <paramref name="timestamp"/> (the customer's own): opens or extends the window.</summary>
    /// <exception cref="WabaRequestException">Bad input, an unknown account or number, or a timestamp too far in the future.</exception>
    public async Task<WindowView> RecordInboundAsync(
        string tenant, string waba, string phone, string customer, string messageId, DateTimeOffset timestamp, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var reply = await Number(phone).RecordInboundAsync(new Scope(tenant, waba), new InboundMessage(customer, messageId, timestamp));
        return Unwrap(reply);
    }

    private INumberGrain Number(string phone) => grains.Reference<INumberGrain>(phone.TrimStart('+'));

    private static T Unwrap<T>(Reply<T> reply) => reply.Failure is { } failure ? throw new WabaRequestException(failure) : reply.Value!;
}
