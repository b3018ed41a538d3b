using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// The unique customers counted toward the template limit in the rolling period (one account, or a
/// portfolio). Customer → counted-at in a dictionary, and the same entries in a FIFO ordered by time:
/// counting instants never go backwards (a clock step back counts at the last instant, which only
/// holds a slot longer), so the queue head is always the oldest entry. Every operation is amortised
/// O(1); after pruning, the queue length is the number used and its head says when a slot frees.
/// See docs/adr/0001-windows-and-recipient-sets.md.
/// </summary>
public sealed class TemplateRecipients(TimeSpan period)
{
    private CustomerMap _countedAt = new(static at => at); // a struct, mutated in place
    private readonly Queue<(long Key, long AtTicks)> _order = new();
    private readonly long _period = period.Ticks;
    private long _last = long.MinValue;

    public RecipientUsage Usage(int limit, DateTimeOffset now)
    {
        Prune(now);
        return new RecipientUsage(_order.Count, limit, NextSlotAt(limit));
    }

    /// <summary>When each recipient still in the rolling period was counted, oldest first (no customer ids: they are personal data).</summary>
    public IReadOnlyList<DateTimeOffset> CountedAt(DateTimeOffset now)
    {
        Prune(now);
        return [.. _order.Select(c => new DateTimeOffset(c.AtTicks, TimeSpan.Zero))];
    }

    public bool IsCounted(CustomerIdentity customer, DateTimeOffset now)
    {
        Prune(now);
        return _countedAt.ContainsKey(customer.Key);
    }

    /// <summary>
    /// Counts <paramref name="customer"/> unless already counted in the period; refuses when
    /// <paramref name="limit"/> slots are used, naming when the oldest leaves the period.
    /// </summary>
    public CountResult TryCount(CustomerIdentity customer, int limit, DateTimeOffset now)
    {
        Prune(now);
        if (_countedAt.ContainsKey(customer.Key))
        {
            return new CountResult(CountOutcome.AlreadyCounted, null, new RecipientUsage(_order.Count, limit, NextSlotAt(limit)));
        }

        if (_order.Count >= limit)
        {
            return new CountResult(CountOutcome.LimitReached, null, new RecipientUsage(_order.Count, limit, NextSlotAt(limit)));
        }

        var change = new RecipientCounted(customer, Math.Max(now.UtcTicks, _last));
        Apply(change);
        return new CountResult(CountOutcome.Counted, change, new RecipientUsage(_order.Count, limit, NextSlotAt(limit)));
    }

    /// <summary>Applies a change: from a command, or replayed from storage (in counting order) on activation.</summary>
    public void Apply(RecipientCounted change)
    {
        if (change.AtTicks < _last)
        {
            throw new ArgumentException("Recipient changes must be applied in counting order.", nameof(change));
        }

        _last = change.AtTicks;
        _countedAt.Set(change.Customer.Key, change.AtTicks);
        _order.Enqueue((change.Customer.Key.Key, change.AtTicks));
    }

    /// <summary>Drops recipients counted a full period ago or earlier; amortised O(1).</summary>
    public void Prune(DateTimeOffset now)
    {
        var cutoff = now.UtcTicks - _period;
        while (_order.TryPeek(out var head) && head.AtTicks <= cutoff)
        {
            _order.Dequeue();

            // A replayed log may hold an expired count of a customer counted again since: keep the later one.
            _countedAt.Expire(head.Key, head.AtTicks);
        }
    }

    private DateTimeOffset? NextSlotAt(int limit) =>
        _order.Count >= limit && _order.TryPeek(out var head) ? new DateTimeOffset(head.AtTicks + _period, TimeSpan.Zero) : null;
}
