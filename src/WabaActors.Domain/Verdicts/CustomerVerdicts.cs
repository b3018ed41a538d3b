using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Templates;

namespace WabaActors.Domain.Verdicts;

/// <summary>
/// Meta's per-customer verdicts on one number's earlier sends, and the marketing rules they make
/// (<see cref="Check"/>, their one home):
/// <list type="bullet">
/// <item>a 131049 holds marketing templates to the customer outside the window for <c>limitHold</c> (24 h)
/// after Meta's failure; inside the window they go (Meta does not count them against the per-user limit);</item>
/// <item>a 131050, or a <c>user_preferences</c> stop, stops marketing templates to the customer until a later
/// resume; the latest by Meta's instant wins, so a redelivered or late preference changes nothing;</item>
/// <item>a status is applied once per (message id, status): its digest is remembered for <c>seenRetention</c>
/// (Meta redelivers webhooks for up to 7 days).</item>
/// </list>
/// Verdicts are rare beside windows (a failure, a preference), so they are held plainly: one dictionary entry
/// per customer with a verdict, and a min-heap of expiry instants (a FIFO would keep every 24 h hold behind a
/// year's stop learned before it). A hold is kept until it ends, a stop for <c>optOutRetention</c>, a resume
/// for <c>seenRetention</c> (long enough to outlast a redelivered older stop). Bounded: every entry expires
/// at its own instant.
/// </summary>
public sealed class CustomerVerdicts(TimeSpan limitHold, TimeSpan optOutRetention, TimeSpan seenRetention)
{
    private static readonly SendDecision OptedOut = SendDecision.Deny(DenyReason.MarketingOptedOut,
        "The customer stopped marketing messages (131050 / user_preferences): marketing templates wait for their resume.");

    private readonly Dictionary<CustomerKey, Entry> _entries = [];
    private readonly PriorityQueue<CustomerKey, long> _expiry = new();
    private readonly InboundLedger _seen = new(seenRetention);

    /// <summary>Customers held (limited, stopped or recently resumed).</summary>
    public int Count => _entries.Count;

    /// <summary>The digest a status is recognised by: (message id, status).</summary>
    public static long OutcomeDigest(MessageId id, SendStatus status) =>
        InboundLedger.Digest($"{id.Value}#{(int)status}");

    /// <summary>
    /// A status of a send to <paramref name="customer"/>: a failure with 131049 or 131050 becomes a verdict;
    /// 131047 is answered <see cref="VerdictEffect.WindowClosed"/> for the caller to close the window; a
    /// (message id, status) applied before is a duplicate; anything else teaches nothing.
    /// </summary>
    public VerdictStep Outcome(MessageId id, CustomerIdentity customer, SendStatus status, int? errorCode, DateTimeOffset at, DateTimeOffset now)
    {
        var kind = status != SendStatus.Failed ? (VerdictKind?)null : errorCode switch
        {
            MetaErrorCodes.MarketingLimit => VerdictKind.MarketingLimited,
            MetaErrorCodes.MarketingStopped => VerdictKind.MarketingStopped,
            _ => null,
        };
        if (kind is null)
        {
            return new VerdictStep(status == SendStatus.Failed && errorCode == MetaErrorCodes.WindowClosed ? VerdictEffect.WindowClosed : VerdictEffect.None, null);
        }

        var digest = OutcomeDigest(id, status);
        if (_seen.Remembers(digest, now))
        {
            return new VerdictStep(VerdictEffect.Duplicate, null);
        }

        return Apply(new CustomerVerdict(customer, kind.Value, Math.Min(at.UtcTicks, now.UtcTicks), digest), now);
    }

    /// <summary><c>user_preferences</c>: a stop or a resume at Meta's instant; an older one than the preference held changes nothing.</summary>
    public VerdictStep Preference(CustomerIdentity customer, bool stop, DateTimeOffset at, DateTimeOffset now) =>
        Apply(new CustomerVerdict(customer, stop ? VerdictKind.MarketingStopped : VerdictKind.MarketingResumed, Math.Min(at.UtcTicks, now.UtcTicks)), now);

    /// <summary>
    /// The denial of a marketing template to <paramref name="customer"/> (or any id of the person in
    /// <paramref name="aliases"/>), or null: stopped ⇒ <c>marketing_opted_out</c>; held by a 131049 and
    /// outside the window ⇒ <c>marketing_limit_per_user</c> until the hold ends. Other categories pass.
    /// </summary>
    public SendDecision? Check(CustomerIdentity customer, ReadOnlySpan<CustomerIdentity> aliases, TemplateCategory? category, bool windowOpen, DateTimeOffset now)
    {
        if (category != TemplateCategory.Marketing || _entries.Count == 0)
        {
            return null;
        }

        Prune(now);
        long limitedUntil = 0;
        for (var i = -1; i < aliases.Length; i++)
        {
            if (!_entries.TryGetValue((i < 0 ? customer : aliases[i]).Key, out var entry))
            {
                continue;
            }

            if (entry.Preference > 0)
            {
                return OptedOut;
            }

            if (entry.LimitedUntil > now.UtcTicks)
            {
                limitedUntil = Math.Max(limitedUntil, entry.LimitedUntil);
            }
        }

        return limitedUntil > 0 && !windowOpen
            ? SendDecision.Deny(DenyReason.MarketingLimitPerUser,
                "Meta's per-user marketing limit (131049) held a marketing template to this customer: wait 24 h before the next.",
                new DateTimeOffset(limitedUntil, TimeSpan.Zero))
            : null;
    }

    /// <summary>
    /// Applies a verdict: from a status or a preference, or replayed from storage on activation. Answers what
    /// changed, with the delta to persist (null when nothing did).
    /// </summary>
    public VerdictStep Apply(CustomerVerdict verdict, DateTimeOffset now)
    {
        Prune(now);
        if (verdict.OutcomeDigest > 0)
        {
            _seen.Apply(new InboundId(verdict.OutcomeDigest, verdict.AtTicks));
        }

        var key = verdict.Customer.Key;
        _entries.TryGetValue(key, out var entry);
        entry.Customer = verdict.Customer;
        if (verdict.Kind == VerdictKind.MarketingLimited)
        {
            var until = verdict.AtTicks + limitHold.Ticks;
            if (until <= now.UtcTicks || entry.LimitedUntil >= until)
            {
                return new VerdictStep(VerdictEffect.Duplicate, null, entry.LimitedUntil > now.UtcTicks ? At(entry.LimitedUntil) : null);
            }

            entry.LimitedUntil = until;
            Keep(key, entry, until);
            return new VerdictStep(VerdictEffect.MarketingLimited, verdict, At(until));
        }

        var stop = verdict.Kind == VerdictKind.MarketingStopped;
        if (entry.Preference != 0 && Math.Abs(entry.Preference) >= verdict.AtTicks)
        {
            var same = Math.Abs(entry.Preference) == verdict.AtTicks && entry.Preference > 0 == stop;
            return new VerdictStep(same ? VerdictEffect.Duplicate : VerdictEffect.Superseded, null);
        }

        var due = verdict.AtTicks + (stop ? optOutRetention : seenRetention).Ticks;
        if (due <= now.UtcTicks)
        {
            return new VerdictStep(VerdictEffect.Superseded, null);
        }

        entry.Preference = stop ? verdict.AtTicks : -verdict.AtTicks;
        Keep(key, entry, due);
        return new VerdictStep(stop ? VerdictEffect.MarketingOptedOut : VerdictEffect.MarketingResumed, verdict);
    }

    /// <summary>The verdicts in force at <paramref name="now"/>, for the operator page.</summary>
    public IEnumerable<(CustomerIdentity Customer, VerdictKind Kind, DateTimeOffset Since, DateTimeOffset? Until)> InForce(DateTimeOffset now)
    {
        Prune(now);
        foreach (var entry in _entries.Values)
        {
            if (entry.Preference > 0)
            {
                yield return (entry.Customer, VerdictKind.MarketingStopped, At(entry.Preference), null);
            }

            if (entry.LimitedUntil > now.UtcTicks)
            {
                yield return (entry.Customer, VerdictKind.MarketingLimited, At(entry.LimitedUntil - limitHold.Ticks), At(entry.LimitedUntil));
            }
        }
    }

    /// <summary>Drops entries whose every part ended (a hold past its end, a preference past its retention); O(log n) each.</summary>
    public void Prune(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        while (_expiry.TryPeek(out var key, out var due) && due <= ticks)
        {
            _expiry.Dequeue();
            if (_entries.TryGetValue(key, out var entry) && entry.Due(limitHold, optOutRetention, seenRetention) <= ticks)
            {
                _entries.Remove(key);
            }
        }
    }

    private void Keep(CustomerKey key, Entry entry, long due)
    {
        _entries[key] = entry;
        _expiry.Enqueue(key, Math.Max(due, entry.Due(limitHold, optOutRetention, seenRetention)));
    }

    private static DateTimeOffset At(long ticks) => new(Math.Abs(ticks), TimeSpan.Zero);

    /// <summary>One customer's verdicts: the end of a 131049 hold (0: none), and the latest preference's instant (negative: a resume; 0: none).</summary>
    private struct Entry
    {
        public CustomerIdentity Customer;
        public long LimitedUntil;
        public long Preference;

        /// <summary>When nothing of the entry is in force any more.</summary>
        public readonly long Due(TimeSpan limitHold, TimeSpan optOutRetention, TimeSpan seenRetention) => Math.Max(
            LimitedUntil,
            Preference == 0 ? 0 : Math.Abs(Preference) + (Preference > 0 ? optOutRetention : seenRetention).Ticks);
    }
}
