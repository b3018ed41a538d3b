using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// Grants by message id, kept for the retention period so that a retried message gets the same
/// answer and is counted once. Denials are not kept: they are decided afresh.
/// </summary>
public sealed class PermitLedger(TimeSpan retention)
{
    private readonly Dictionary<string, PermitGranted> _grants = new(StringComparer.Ordinal);
    private readonly Queue<PermitGranted> _order = new();
    private readonly long _retention = retention.Ticks;

    public int Count => _grants.Count;

    /// <summary>
    /// The original grant for <paramref name="id"/>, null when there is none, or
    /// <see cref="ErrorCodes.MessageIdReused"/> when the id was granted for another customer or type.
    /// </summary>
    public Result<SendDecision?> Replay(MessageId id, CustomerId customer, MessageType type, DateTimeOffset now)
    {
        Prune(now);
        if (!_grants.TryGetValue(id.Value, out var grant))
        {
            return (SendDecision?)null;
        }

        return grant.Customer == customer.Value && grant.Type == type
            ? grant.ToDecision()
            : new DomainError(ErrorCodes.MessageIdReused, "This messageId was already used for another customer or message type.");
    }

    /// <summary>Records an allowed decision and returns the change to persist.</summary>
    public PermitGranted Record(MessageId id, CustomerId customer, MessageType type, SendDecision decision, DateTimeOffset now)
    {
        var grant = PermitGranted.From(id.Value, customer.Value, type, decision, now);
        Apply(grant);
        return grant;
    }

    /// <summary>
    /// Applies a grant: from a command, or replayed from storage on activation. A replayed log may
    /// hold an expired grant of an id granted again since: the later grant wins.
    /// </summary>
    public void Apply(PermitGranted grant)
    {
        if (_grants.TryGetValue(grant.MessageId, out var kept) && kept.GrantedAtTicks >= grant.GrantedAtTicks)
        {
            return;
        }

        _grants[grant.MessageId] = grant;
        _order.Enqueue(grant);
    }

    public void Prune(DateTimeOffset now)
    {
        var cutoff = now.UtcTicks - _retention;
        while (_order.TryPeek(out var head) && head.GrantedAtTicks <= cutoff)
        {
            _order.Dequeue();
            if (_grants.TryGetValue(head.MessageId, out var kept) && ReferenceEquals(kept, head))
            {
                _grants.Remove(head.MessageId);
            }
        }
    }
}
