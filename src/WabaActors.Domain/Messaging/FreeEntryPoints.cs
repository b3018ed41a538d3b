using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// Free entry points of one number (pricing only: never whether a send is allowed). A customer who wrote
/// through a click-to-WhatsApp ad or a page's call-to-action button (<see cref="EntryPoint"/>) is pending
/// for <see cref="AnswerWithin"/>; the business's first allowed send in that time starts
/// <see cref="FreeFor"/> of free messages to that customer on this number. Held only for such customers:
/// one <see cref="CustomerMap"/> entry (positive: the entry's instant, pending; negative: free until) and a
/// FIFO entry for expiry. Rebuilt from the persisted window changes (their entry point) and grants (their
/// <see cref="PermitGranted.FreeUntilTicks"/>). docs/adr/0020-customers-are-people.md, section 4.
/// </summary>
public sealed class FreeEntryPoints
{
    /// <summary>How long after the customer's entry the business's first answer starts the free period (Meta: 24 h).</summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromHours(24);

    /// <summary>How long messages are free from that first answer (Meta: 72 h).</summary>
    public static readonly TimeSpan FreeFor = TimeSpan.FromHours(72);

    private CustomerMap _entries = new(Due); // a struct, mutated in place
    private readonly Queue<(long Key, long Due)> _expiry = new();

    /// <summary>Customers held (pending or free).</summary>
    public int Count => _entries.Count;

    /// <summary>Applies a window change: one made by a message through a free entry point marks the customer pending.</summary>
    public void Apply(WindowChange change, TimeSpan window)
    {
        if (change.EntryPoint == EntryPoint.None || change.Closed)
        {
            return;
        }

        var enteredAt = change.ExpiresAtTicks - window.Ticks;
        if (_entries.TryGetValue(change.Customer.Key, out var held) && (held < 0 || held >= enteredAt))
        {
            return; // already free, or a later entry is pending
        }

        Hold(change.Customer.Key, enteredAt);
    }

    /// <summary>Applies a persisted grant that was free: the customer is free until its end.</summary>
    public void Apply(PermitGranted grant)
    {
        if (grant.FreeUntilTicks is { } until
            && !(_entries.TryGetValue(grant.Customer.Key, out var held) && held < 0 && -held >= until))
        {
            Hold(grant.Customer.Key, -until);
        }
    }

    /// <summary>
    /// The business sends to <paramref name="customer"/> at <paramref name="now"/> (an allowed permit): until
    /// when messages to the customer are free, or null when they are not. The first answer within
    /// <see cref="AnswerWithin"/> of an entry starts the free period (and is to be persisted on the grant: <c>started</c>).
    /// </summary>
    public DateTimeOffset? Answer(CustomerIdentity customer, DateTimeOffset now) => Answer(customer, now, out _);

    /// <inheritdoc cref="Answer(CustomerIdentity, DateTimeOffset)"/>
    public DateTimeOffset? Answer(CustomerIdentity customer, DateTimeOffset now, out bool started)
    {
        started = false;
        Prune(now);
        if (!_entries.TryGetValue(customer.Key, out var held))
        {
            return null;
        }

        if (held < 0)
        {
            return -held > now.UtcTicks ? new DateTimeOffset(-held, TimeSpan.Zero) : null;
        }

        if (now.UtcTicks - held > AnswerWithin.Ticks)
        {
            return null;
        }

        var until = now + FreeFor;
        Hold(customer.Key, -until.UtcTicks);
        started = true;
        return until;
    }

    /// <summary>Drops pending entries not answered in time and free periods that ended; amortised O(1).</summary>
    public void Prune(DateTimeOffset now)
    {
        while (_expiry.TryPeek(out var head) && head.Due <= now.UtcTicks)
        {
            _expiry.Dequeue();
            _entries.Expire(head.Key, head.Due);
        }
    }

    private void Hold(CustomerKey key, long value)
    {
        _entries.Set(key, value);
        _expiry.Enqueue((key.Key, Due(value)));
    }

    private static long Due(long value) => value < 0 ? -value : value + AnswerWithin.Ticks;
}
