using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Grains.Mapping;
using WabaActors.Grains.Storage;
using WabaActors.Grains.Time;

namespace WabaActors.Grains.Quota;

/// <summary>
/// The rolling set of unique template recipients of one account or portfolio. A counted recipient
/// is appended to the store (with the grant that counted it) before the grant is answered, and the
/// set is rebuilt from those grants on activation.
/// </summary>
public sealed class TemplateQuotaGrain(
    IMessagingStore store,
    WabaRules rules,
    [FromKeyedServices(WabaClock.Key)] TimeProvider clock,
    ILogger<TemplateQuotaGrain> logger) : Grain, ITemplateQuotaGrain
{
    private readonly TemplateRecipients _recipients = new(rules.TemplateRecipientPeriod);
    private readonly PermitLedger _ledger = new(rules.GrantRetention);
    private long _epoch;

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var journal = await store.LoadQuotaAsync(Key, clock.GetUtcNow(), cancellationToken);
        _epoch = journal.Epoch;
        foreach (var grant in journal.Grants)
        {
            _recipients.Apply(new RecipientCounted(grant.Customer, grant.GrantedAtTicks));
            _ledger.Apply(grant);
        }
    }

    public async ValueTask<PermitDecision> GrantAsync(TemplateGrantRequest request, int limit)
    {
        var now = clock.GetUtcNow();
        var customer = new CustomerId(request.Customer);
        var id = MessageId.Parse(request.MessageId).Value;
        var replay = _ledger.Replay(id, customer, MessageType.Template, now);
        if (!replay.IsSuccess)
        {
            return new PermitDecision(false, request.MessageId) { Reason = replay.Error!.Code, Detail = replay.Error.Message };
        }

        if (replay.Value is { } original)
        {
            return original.ToContract(request.MessageId);
        }

        var counted = _recipients.TryCount(customer, limit, now);
        if (counted.Change is { } change)
        {
            var decision = SendDecision.Allow(null, counted.Usage);
            var grant = PermitGranted.From(request.MessageId, request.Customer, MessageType.Template, decision, change.At);
            bool written;
            try
            {
                written = await store.AppendQuotaAsync(Key, _epoch, grant);
            }
            catch (Exception e)
            {
                // The slot is counted in memory but not durably: drop this activation so the next
                // one rebuilds the set from what is committed, and let the caller retry.
                QuotaLog.WriteFailed(logger, Key, e);
                DeactivateOnIdle();
                throw;
            }

            if (!written)
            {
                // A newer activation owns this quota (a stale duplicate after a silo failure): this
                // one's view may be out of date, so it grants nothing more and goes away.
                QuotaLog.Fenced(logger, Key, _epoch);
                DeactivateOnIdle();
                throw new QuotaFencedException(Key);
            }

            _ledger.Apply(grant);
            return decision.ToContract(request.MessageId);
        }

        return counted.Granted
            ? SendDecision.Allow(null, counted.Usage).ToContract(request.MessageId)
            : SendDecision.Deny(DenyReason.TemplateRecipientLimitReached,
                $"{counted.Usage.Used} of {limit} template recipients used in the rolling 24 h.", counted.Usage.NextSlotAt)
                .ToContract(request.MessageId);
    }

    public ValueTask<RecipientLimitView> UsageAsync(int limit)
    {
        var usage = _recipients.Usage(limit, clock.GetUtcNow());
        return ValueTask.FromResult(new RecipientLimitView(usage.Used, usage.Limit, usage.NextSlotAt));
    }
}
