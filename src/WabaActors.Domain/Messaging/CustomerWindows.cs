using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// The customer-service windows of one number: customer → expiry, one <c>long</c> pair per open
/// window, plus a FIFO of (customer, prune-after) for O(1) amortised expiry. A window closed by a
/// 131047 is kept as a negative instant (the close) until a full window has passed, so that a
/// redelivered older message cannot reopen it. Every change is one <see cref="WindowChange"/>.
/// See docs/adr/0001-windows-and-recipient-sets.md.
/// </summary>
public sealed class CustomerWindows
{
    private CustomerMap _entries; // a struct, mutated in place: never readonly, never copied
    private readonly Queue<(long Key, long PruneAt)> _expiry = new();
    private readonly long _window;
    private readonly TimeSpan _futureTolerance;

    public CustomerWindows(TimeSpan window, TimeSpan futureTolerance)
    {
        _window = window.Ticks;
        _futureTolerance = futureTolerance;
        _entries = new CustomerMap(PruneAt);
    }

    /// <summary>Windows held in memory (open ones, and recently expired or closed ones not yet pruned).</summary>
    public int Tracked => _entries.Count;

    public WindowState Get(CustomerIdentity customer, DateTimeOffset now)
    {
        Prune(now);
        return _entries.TryGetValue(customer.Key, out var v) && v > now.UtcTicks
            ? new WindowState(true, new DateTimeOffset(v, TimeSpan.Zero))
            : WindowState.Closed;
    }

    /// <summary>
    /// The window of a person known by several ids (<paramref name="customer"/> and the ids it is linked
    /// to): open when open under any of them, until the latest of their expiries.
    /// </summary>
    public WindowState Get(CustomerIdentity customer, ReadOnlySpan<CustomerIdentity> aliases, DateTimeOffset now)
    {
        var best = Get(customer, now);
        foreach (var alias in aliases)
        {
            var other = Get(alias, now);
            if (other.Open && (!best.Open || other.ExpiresAt > best.ExpiresAt))
            {
                best = other;
            }
        }

        return best;
    }

    /// <summary>
    /// A customer's message at <paramref name="timestamp"/>: opens or extends the window to
    /// timestamp + window. Idempotent on the timestamp (a repeat changes nothing); refused when the
    /// timestamp lies more than the tolerance in the future. Returns the change to persist, or null for
    /// none. A message id seen before never gets here: <see cref="InboundLedger.Record"/> stops it first.
    /// </summary>
    public Result<WindowChange?> RecordInbound(CustomerIdentity customer, DateTimeOffset timestamp, DateTimeOffset now)
    {
        if (timestamp > now + _futureTolerance)
        {
            return new DomainError(Common.ErrorCodes.TimestampInFuture,
                $"timestamp is more than {_futureTolerance.TotalMinutes:0} minutes in the future.");
        }

        Prune(now);
        var expires = timestamp.UtcTicks + _window;
        if (expires <= now.UtcTicks)
        {
            return (WindowChange?)null;
        }

        if (_entries.TryGetValue(customer.Key, out var current) && (current >= expires || (current < 0 && timestamp.UtcTicks <= -current)))
        {
            return (WindowChange?)null;
        }

        var change = new WindowChange(customer, expires, Closed: false);
        Apply(change);
        return change;
    }

    /// <summary>
    /// Meta answered 131047 (outside the window): the window is closed as of <paramref name="at"/>,
    /// so no message up to that instant opens it, whichever of the two arrives first. Nothing changes
    /// when the close is older than the customer's last message or than a close already kept, or
    /// too old to hide any message still inside its window.
    /// </summary>
    public WindowChange? Close(CustomerIdentity customer, DateTimeOffset at, DateTimeOffset now)
    {
        Prune(now);
        var closeAt = at.UtcTicks;
        if (closeAt + _window <= now.UtcTicks
            || (_entries.TryGetValue(customer.Key, out var current) && (current < 0 ? -current >= closeAt : current - _window > closeAt)))
        {
            return null;
        }

        var change = new WindowChange(customer, at.UtcTicks, Closed: true);
        Apply(change);
        return change;
    }

    /// <summary>Applies a change: from a command, or replayed from storage on activation.</summary>
    public void Apply(WindowChange change)
    {
        _entries.Set(change.Customer.Key, change.Closed ? -change.ExpiresAtTicks : change.ExpiresAtTicks);
        _expiry.Enqueue((change.Customer.Key.Key, change.Closed ? change.ExpiresAtTicks + _window : change.ExpiresAtTicks));
    }

    /// <summary>Drops windows whose time has passed; amortised O(1) per change.</summary>
    public void Prune(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        while (_expiry.TryPeek(out var head) && head.PruneAt <= ticks)
        {
            _expiry.Dequeue();
            _entries.Expire(head.Key, head.PruneAt);
        }
    }

    private long PruneAt(long value) => value < 0 ? -value + _window : value;
}
