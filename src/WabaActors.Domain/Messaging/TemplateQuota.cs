using WabaActors.Domain.Identity;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Messaging;

/// <summary>
/// The template-recipient rule of one quota scope (an account, or a Meta business portfolio): the unique
/// recipients counted in the rolling period, and the grants that counted them by message id, so that a
/// retried request is answered the same and counted once, from whichever number of the scope it comes.
/// The quota grain loads it from the persisted grants, calls <see cref="Grant"/>, and persists
/// <see cref="QuotaAnswer.Granted"/> before it answers.
/// </summary>
public sealed class TemplateQuota(WabaRules rules)
{
    private readonly TemplateRecipients _recipients = new(rules.TemplateRecipientPeriod);
    private readonly PermitLedger _ledger = new(rules.GrantRetention);

    /// <summary>
    /// A slot for <paramref name="customer"/>, whose window on the asking number is closed: counted unless
    /// already counted in the period, or denied when <paramref name="limit"/> recipients are counted.
    /// </summary>
    public QuotaAnswer Grant(MessageId id, CustomerId customer, int limit, DateTimeOffset now)
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

        var counted = _recipients.TryCount(customer, limit, now);
        if (counted.Change is not { } change)
        {
            return new QuotaAnswer(counted.Granted ? GrantOutcome.AlreadyCounted : GrantOutcome.LimitReached, counted.Usage);
        }

        var grant = _ledger.Record(id, customer, MessageType.Template, SendDecision.Allow(null, counted.Usage), change.At);
        return new QuotaAnswer(GrantOutcome.Counted, counted.Usage, grant);
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

    public bool IsCounted(CustomerId customer, DateTimeOffset now) => _recipients.IsCounted(customer, now);
}
