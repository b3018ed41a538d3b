using System.IO.Hashing;
using System.Runtime.InteropServices;
using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// Grants by message id, kept for the retention period so that a retried message gets the same
/// answer and is counted once. Denials are not kept: they are decided afresh.
/// <para>
/// A number keeps every grant of the last 24 h, so at hundreds of thousands of permits a second
/// this is most of what a silo holds. It is held without a heap object per grant: the key is a
/// 128-bit hash of the message id (XxHash128, seeded per process, so ids cannot be chosen to
/// collide) and the value a struct, so the garbage collector never walks or copies grants
/// (docs/adr/0007-flat-window-table.md). The persisted grant keeps the id itself.
/// </para>
/// </summary>
public sealed class PermitLedger(TimeSpan retention)
{
    private static readonly long Seed = Random.Shared.NextInt64();

    private readonly Dictionary<UInt128, Grant> _grants = [];
    private readonly Queue<(UInt128 Key, long GrantedAtTicks)> _order = new();
    private readonly long _retention = retention.Ticks;

    // When the oldest grant in _order falls out of retention (MaxValue: nothing held). Every replay
    // prunes first; this keeps that to a compare of a field until something is due, instead of a
    // read of the queue's head, which on a silo of many numbers is a cache miss on every permit.
    private long _pruneDueTicks = long.MaxValue;

    public int Count => _grants.Count;

    /// <summary>
    /// The original grant for <paramref name="id"/>, null when there is none, or
    /// <see cref="ErrorCodes.MessageIdReused"/> when the id was granted for another customer or type.
    /// </summary>
    public Result<SendDecision?> Replay(MessageId id, CustomerIdentity customer, MessageType type, DateTimeOffset now)
    {
        Prune(now);
        if (!_grants.TryGetValue(Key(id.Value), out var grant))
        {
            return (SendDecision?)null;
        }

        return grant.Customer == customer.Key && grant.Type == type
            ? grant.ToDecision()
            : IdReused;
    }

    /// <summary>The refusal of a message id granted before for another customer or type (one instance: refusals allocate nothing).</summary>
    public static DomainError IdReused { get; } =
        new(ErrorCodes.MessageIdReused, "This messageId was already used for another customer or message type.");

    /// <summary>Records an allowed decision and returns the change to persist.</summary>
    public PermitGranted Record(MessageId id, CustomerIdentity customer, MessageType type, SendDecision decision, DateTimeOffset now)
    {
        var grant = PermitGranted.From(id.Value, customer, type, decision, now);
        Apply(grant);
        return grant;
    }

    /// <summary>
    /// Applies a grant: from a command, or replayed from storage on activation. A replayed log may
    /// hold an expired grant of an id granted again since: the later grant wins.
    /// </summary>
    public void Apply(PermitGranted grant)
    {
        var key = Key(grant.MessageId);
        if (_grants.TryGetValue(key, out var kept) && kept.GrantedAtTicks >= grant.GrantedAtTicks)
        {
            return;
        }

        _grants[key] = new Grant(grant);
        _order.Enqueue((key, grant.GrantedAtTicks));
        _pruneDueTicks = Math.Min(_pruneDueTicks, DueAt(grant.GrantedAtTicks));
    }

    public void Prune(DateTimeOffset now)
    {
        if (now.UtcTicks < _pruneDueTicks)
        {
            return;
        }

        var cutoff = now.UtcTicks - _retention;
        while (_order.TryPeek(out var head) && head.GrantedAtTicks <= cutoff)
        {
            _order.Dequeue();
            if (_grants.TryGetValue(head.Key, out var kept) && kept.GrantedAtTicks == head.GrantedAtTicks)
            {
                _grants.Remove(head.Key);
            }
        }

        // Replayed grants may arrive out of order, so the head is not always the oldest: the next
        // check is due when the head falls due, and the loop above then goes on as before.
        _pruneDueTicks = _order.TryPeek(out var next) ? DueAt(next.GrantedAtTicks) : long.MaxValue;
    }

    /// <summary>The instant a grant made at <paramref name="grantedAtTicks"/> leaves retention (saturating).</summary>
    private long DueAt(long grantedAtTicks) =>
        grantedAtTicks > long.MaxValue - _retention ? long.MaxValue : grantedAtTicks + _retention;

    private static UInt128 Key(string messageId) =>
        XxHash128.HashToUInt128(MemoryMarshal.AsBytes(messageId.AsSpan()), Seed);

    /// <summary>What a replay answers, without the id (the key stands for it). No references.</summary>
    private readonly struct Grant(PermitGranted grant)
    {
        private readonly long _windowExpiresAtTicks = grant.WindowExpiresAtTicks ?? long.MinValue;
        private readonly int _used = grant.Used ?? -1;
        private readonly int _limit = grant.Limit ?? -1;

        private readonly long _customer = grant.Customer.Key.Key;

        public long GrantedAtTicks { get; } = grant.GrantedAtTicks;
        // The type and the price in one byte each, where the 4-byte type was: the grant stays 40 bytes.
        private readonly byte _type = (byte)grant.Type;
        private readonly byte _price = grant.PriceCode;

        public MessageType Type => (MessageType)_type;

        // After the type and price, in what was padding.
        private readonly uint _check = grant.Customer.Key.Check;

        public CustomerKey Customer => new(_customer, _check);

        public SendDecision ToDecision() => SendDecision.Allow(
            _windowExpiresAtTicks == long.MinValue ? null : new DateTimeOffset(_windowExpiresAtTicks, TimeSpan.Zero),
            _used >= 0 && _limit >= 0 ? new RecipientUsage(_used, _limit, null) : null) with { Price = Pricing.Price.FromCode(_price) };
    }
}
