using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;

namespace WabaActors.Domain.Pacing;

/// <summary>
/// One number's send rates, in memory only (a restart forgets them; Meta's own counters are as short-lived).
/// The one home of the pacing rules:
/// <list type="bullet">
/// <item>Throughput: at most <c>perSecond</c> sends in any second. Exact: the instants of the last
/// <c>perSecond</c> sends are kept in a ring, and a send is allowed when the oldest is a second old
/// (<c>throughput_limit</c>, <c>retryAt</c> = that instant + 1 s).</item>
/// <item>Pair rate: Meta's token bucket per customer (one per person: its ids the number links share it), as a GCRA: one send per interval on average, a burst of
/// <c>burst</c> at once, borrowing from later (<c>pair_rate_limit</c>, <c>retryAt</c> = when the next fits).
/// One long per customer sent to recently (the theoretical arrival instant), dropped once it is past.</item>
/// </list>
/// <c>Check</c> decides without taking; <c>Take</c> counts an allowed send. A caller checks again
/// and takes in one step when it grants (no await between), so concurrent permits never exceed a rate.
/// </summary>
public sealed class NumberPacing(PacingRules rules)
{
    private long[] _ring = [];
    private int _next;
    private int _filled;
    private CustomerMap _pairs = new(v => v); // theoretical arrival instant (ticks)
    private readonly Queue<(long Key, long Due)> _pairExpiry = new();
    private readonly long _interval = rules.PairInterval.Ticks;
    private readonly long _tolerance = (rules.PairBurst - 1) * rules.PairInterval.Ticks;

    /// <summary>Customers with a pair-rate entry held.</summary>
    public int Pairs => _pairs.Count;

    /// <summary>The denial of one more send to <paramref name="customer"/> now, or null when both rates allow it.</summary>
    public SendDecision? Check(CustomerIdentity customer, bool upgraded, DateTimeOffset now) => Check(customer, [], upgraded, now);

    /// <summary>
    /// The denial of one more send to <paramref name="customer"/> now, or null when both rates allow it. The pair
    /// rate is the person's: <paramref name="aliases"/> (its other ids the number knows) share one bucket.
    /// </summary>
    public SendDecision? Check(CustomerIdentity customer, ReadOnlySpan<CustomerIdentity> aliases, bool upgraded, DateTimeOffset now)
    {
        var perSecond = upgraded ? rules.UpgradedMessagesPerSecond : rules.MessagesPerSecond;
        if (_filled >= perSecond && Oldest(perSecond) is var oldest && oldest > now.UtcTicks - TimeSpan.TicksPerSecond)
        {
            return SendDecision.Deny(DenyReason.ThroughputLimit,
                $"The number sent {perSecond} messages in the last second (Meta's throughput).",
                new DateTimeOffset(oldest + TimeSpan.TicksPerSecond, TimeSpan.Zero));
        }

        if (Arrival(customer, aliases) is var arrival && arrival - _tolerance > now.UtcTicks)
        {
            return SendDecision.Deny(DenyReason.PairRateLimit,
                $"Meta's pair rate to this customer is used ({rules.PairBurst} at once, then one per {rules.PairInterval.TotalSeconds:0.#} s).",
                new DateTimeOffset(arrival - _tolerance, TimeSpan.Zero));
        }

        return null;
    }

    /// <summary>Counts an allowed send to <paramref name="customer"/> at <paramref name="now"/>.</summary>
    public void Take(CustomerIdentity customer, bool upgraded, DateTimeOffset now) => Take(customer, [], upgraded, now);

    /// <summary>Counts an allowed send to <paramref name="customer"/> (of the person also known as <paramref name="aliases"/>) at <paramref name="now"/>.</summary>
    public void Take(CustomerIdentity customer, ReadOnlySpan<CustomerIdentity> aliases, bool upgraded, DateTimeOffset now)
    {
        var perSecond = upgraded ? rules.UpgradedMessagesPerSecond : rules.MessagesPerSecond;
        if (_ring.Length != perSecond)
        {
            Resize(perSecond);
        }

        _ring[_next] = now.UtcTicks;
        _next = (_next + 1) % _ring.Length;
        _filled = Math.Min(_filled + 1, _ring.Length);

        PrunePairs(now.UtcTicks);
        var key = customer.Key;
        var arrival = Math.Max(Arrival(customer, aliases), now.UtcTicks) + _interval;
        _pairs.Set(key, arrival);
        _pairExpiry.Enqueue((key.Key, arrival));
    }

    /// <summary>The person's theoretical arrival instant: the latest held under any of its ids (0: none).</summary>
    private long Arrival(CustomerIdentity customer, ReadOnlySpan<CustomerIdentity> aliases)
    {
        long arrival = 0;
        for (var i = -1; i < aliases.Length; i++)
        {
            if (_pairs.TryGetValue((i < 0 ? customer : aliases[i]).Key, out var held))
            {
                arrival = Math.Max(arrival, held);
            }
        }

        return arrival;
    }

    /// <summary>The instant of the oldest of the last <paramref name="perSecond"/> sends.</summary>
    private long Oldest(int perSecond)
    {
        if (_ring.Length != perSecond)
        {
            Resize(perSecond);
        }

        return _filled < _ring.Length ? long.MinValue : _ring[_next];
    }

    /// <summary>A new rate (the upgrade): keeps the newest sends that fit, oldest first.</summary>
    private void Resize(int perSecond)
    {
        var kept = new List<long>(_filled);
        for (var i = 0; i < _filled; i++)
        {
            kept.Add(_ring[(_next - _filled + i + (2 * _ring.Length)) % _ring.Length]);
        }

        var newest = kept.Skip(Math.Max(0, kept.Count - perSecond)).ToArray();
        _ring = new long[perSecond];
        newest.CopyTo(_ring, 0);
        _filled = newest.Length;
        _next = _filled % perSecond;
    }

    private void PrunePairs(long now)
    {
        while (_pairExpiry.TryPeek(out var head) && head.Due <= now)
        {
            _pairExpiry.Dequeue();
            _pairs.Expire(head.Key, head.Due);
        }
    }
}
