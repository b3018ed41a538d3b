using System.IO.Hashing;
using System.Runtime.InteropServices;
using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// Grants by message id, kept so that a retried message gets the same answer and is counted once.
/// Denials are not kept: they are decided afresh. A template grant is kept for the retention period
/// (24 h: it counted a recipient, so its retry must not count again); a session grant changes no limit,
/// so it is kept only for the short session replay horizon (10 min by default): a retry after that is
/// decided afresh, which the window rules make safe (docs/adr/0022-session-permits-are-reads.md).
/// <para>
/// At hundreds of thousands of permits a second this is much of what a silo holds, so it is held
/// without a heap object per grant: the key is a 128-bit hash of the message id (XxHash128, seeded per
/// process, so ids cannot be chosen to collide) and the value a struct, so the garbage collector never
/// walks or copies grants (docs/adr/0007-flat-window-table.md). The persisted grant keeps the id itself.
/// When pruning leaves the table mostly empty its storage is given back, so grants past their horizon
/// retain nothing.
/// </para>
/// </summary>
public sealed class PermitLedger(TimeSpan retention, TimeSpan sessionRetention)
{
    private static readonly long Seed = Random.Shared.NextInt64();

    /// <summary>Below this many entries of capacity the table is not trimmed (a few KB: not worth a rehash).</summary>
    private const int TrimFloor = 256;

    private readonly Dictionary<UInt128, Grant> _grants = [];
    private readonly Queue<(UInt128 Key, long GrantedAtTicks)> _templates = new();
    private readonly Queue<(UInt128 Key, long GrantedAtTicks)> _sessions = new();
    private readonly long _retention = retention.Ticks;
    private readonly long _sessionRetention = Math.Min(sessionRetention.Ticks, retention.Ticks);

    /// <summary>Every grant kept for <paramref name="retention"/>, sessions included.</summary>
    public PermitLedger(TimeSpan retention)
        : this(retention, retention)
    {
    }

    // When the oldest grant of either queue falls out of retention (MaxValue: nothing held). Every replay
    // prunes first; this keeps that to a compare of a field until something is due, instead of a
    // read of the queues' heads, which on a silo of many numbers is a cache miss on every permit.
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
        var session = grant.Type == MessageType.Session;
        (session ? _sessions : _templates).Enqueue((key, grant.GrantedAtTicks));
        _pruneDueTicks = Math.Min(_pruneDueTicks, DueAt(grant.GrantedAtTicks, session ? _sessionRetention : _retention));
    }

    public void Prune(DateTimeOffset now)
    {
        if (now.UtcTicks < _pruneDueTicks)
        {
            return;
        }

        var dropped = Drop(_templates, now.UtcTicks - _retention) | Drop(_sessions, now.UtcTicks - _sessionRetention);

        // Replayed grants may arrive out of order, so a head is not always the oldest: the next
        // check is due when a head falls due, and the loops above then go on as before.
        _pruneDueTicks = Math.Min(HeadDue(_templates, _retention), HeadDue(_sessions, _sessionRetention));
        if (dropped && _grants.Count < _grants.Capacity / 4 && _grants.Capacity > TrimFloor)
        {
            // Mostly empty after a burst: give the storage back (amortised: it took 3/4 of the capacity in drops).
            _grants.TrimExcess();
            _templates.TrimExcess();
            _sessions.TrimExcess();
        }
    }

    /// <summary>Drops the queue's grants made at or before <paramref name="cutoff"/>; true when any was dropped.</summary>
    private bool Drop(Queue<(UInt128 Key, long GrantedAtTicks)> order, long cutoff)
    {
        var dropped = false;
        while (order.TryPeek(out var head) && head.GrantedAtTicks <= cutoff)
        {
            order.Dequeue();
            dropped = true;
            if (_grants.TryGetValue(head.Key, out var kept) && kept.GrantedAtTicks == head.GrantedAtTicks)
            {
                _grants.Remove(head.Key);
            }
        }

        return dropped;
    }

    private static long HeadDue(Queue<(UInt128 Key, long GrantedAtTicks)> order, long retention) =>
        order.TryPeek(out var head) ? DueAt(head.GrantedAtTicks, retention) : long.MaxValue;

    /// <summary>The instant a grant made at <paramref name="grantedAtTicks"/> leaves <paramref name="retention"/> (saturating).</summary>
    private static long DueAt(long grantedAtTicks, long retention) =>
        grantedAtTicks > long.MaxValue - retention ? long.MaxValue : grantedAtTicks + retention;

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
