using WabaActors.Domain.Identity;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// The template-recipient rule of one quota scope (an account, or a Meta business portfolio): the unique
/// recipients counted in the rolling period, and the grants that counted them by message id, so that a
/// retried request is answered the same and counted once, from whichever number of the scope it comes.
/// The quota grain loads it from the persisted grants, calls <see cref="Grant(MessageId, CustomerIdentity, ReadOnlySpan{CustomerIdentity}, int, DateTimeOffset, bool)"/>, and persists
/// <see cref="QuotaAnswer.Granted"/> before it answers.
/// </summary>
public sealed class TemplateQuota(WabaRules rules)
{
    private readonly TemplateRecipients _recipients = new(rules.TemplateRecipientPeriod);
    private readonly PermitLedger _ledger = new(rules.GrantRetention);

    /// <summary>The scope's directory: which ids name one person (taught by the scope's numbers).</summary>
    public CustomerLinks Links { get; } = new(rules.LinkRetention);

    /// <summary>
    /// A slot for <paramref name="customer"/>, whose window on the asking number is closed under
    /// <paramref name="customer"/> and every id in <paramref name="known"/> (the person's other ids as the
    /// number knows them). When the directory knows an id the number did not name, nothing is counted:
    /// the answer is <see cref="GrantOutcome.Resolve"/> with the person's ids, and the number looks at their
    /// windows and asks again. Otherwise the person is counted once: already counted when any of its ids
    /// is, else counted under <paramref name="customer"/>, or denied when <paramref name="limit"/>
    /// recipients are counted. With <paramref name="settle"/> (the number's second ask) there is no
    /// <see cref="GrantOutcome.Resolve"/>: the person is counted once under every id the directory knows.
    /// </summary>
    public QuotaAnswer Grant(MessageId id, CustomerIdentity customer, ReadOnlySpan<CustomerIdentity> known, int limit, DateTimeOffset now, bool settle = false)
    {
        var replay = _ledger.Replay(id, customer, MessageType.Template, now);
        if (!replay.IsSuccess)
        {
            return new QuotaAnswer(GrantOutcome.MessageIdReused, _recipients.Usage(limit, now));
        }

        if (replay.Value is { } original)
        {
            return new QuotaAnswer(GrantOutcome.Replayed, original.TemplateRecipients ?? _recipients.Usage(limit, now));
        }

        var aliases = Links.Aliases(customer, now);
        if (!settle && !Names(known, aliases))
        {
            return new QuotaAnswer(GrantOutcome.Resolve, _recipients.Usage(limit, now)) { Aliases = aliases };
        }

        if (IsAnyCounted(known, now) || IsAnyCounted(aliases, now))
        {
            return new QuotaAnswer(GrantOutcome.AlreadyCounted, _recipients.Usage(limit, now));
        }

        var counted = _recipients.TryCount(customer, limit, now);
        if (counted.Change is not { } change)
        {
            return new QuotaAnswer(counted.Granted ? GrantOutcome.AlreadyCounted : GrantOutcome.LimitReached, counted.Usage);
        }

        var grant = _ledger.Record(id, customer, MessageType.Template, SendDecision.Allow(null, counted.Usage), change.At);
        return new QuotaAnswer(GrantOutcome.Counted, counted.Usage, grant);
    }

    /// <summary>A slot for a customer of whom no other id is known (see the other overload).</summary>
    public QuotaAnswer Grant(MessageId id, CustomerIdentity customer, int limit, DateTimeOffset now) => Grant(id, customer, [], limit, now);

    /// <summary>Whether <paramref name="known"/> names every id of <paramref name="aliases"/>.</summary>
    private static bool Names(ReadOnlySpan<CustomerIdentity> known, CustomerIdentity[] aliases)
    {
        foreach (var alias in aliases)
        {
            if (!known.Contains(alias))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsAnyCounted(ReadOnlySpan<CustomerIdentity> ids, DateTimeOffset now)
    {
        foreach (var id in ids)
        {
            if (_recipients.IsCounted(id, now))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Applies a persisted grant, in the order granted, when the quota is loaded.</summary>
    public void Apply(PermitGranted grant)
    {
        _recipients.Apply(new RecipientCounted(grant.Customer, grant.GrantedAtTicks));
        _ledger.Apply(grant);
    }

    public RecipientUsage Usage(int limit, DateTimeOffset now) => _recipients.Usage(limit, now);

    /// <summary>When each recipient still in the rolling period was counted, oldest first.</summary>
    public IReadOnlyList<DateTimeOffset> CountedAt(DateTimeOffset now) => _recipients.CountedAt(now);

    public bool IsCounted(CustomerIdentity customer, DateTimeOffset now) => _recipients.IsCounted(customer, now);
}
