using Orleans.Concurrency;
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
using WabaActors.Grains.Telemetry;
using WabaActors.Grains.Time;

namespace WabaActors.Grains.Quota;

/// <summary>
/// The rolling set of unique template recipients of one account or portfolio. A counted recipient
/// is appended to the store (with the grant that counted it) before the grant is answered, and the
/// set is rebuilt from those grants on activation. Reentrant: a grant is decided between awaits and
/// answered only once every write it rests on is durable (<see cref="DurableTail"/>), so many grants
/// of one quota share a group commit.
/// </summary>
[Reentrant]
public sealed class TemplateQuotaGrain(
    IMessagingStore store,
    WabaRules rules,
    [FromKeyedServices(WabaClock.Key)] TimeProvider clock,
    GrainMetrics metrics,
    ILogger<TemplateQuotaGrain> logger) : Grain, ITemplateQuotaGrain
{
    private readonly TemplateRecipients _recipients = new(rules.TemplateRecipientPeriod);
    private readonly PermitLedger _ledger = new(rules.GrantRetention);
    private long _epoch;
    private readonly DurableTail _tail = new();

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

        QuotaLog.Activated(logger, Key, _epoch, journal.Grants.Count);
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
            await DurableAsync(_tail.Current);
            return original.ToContract(request.MessageId);
        }

        var counted = _recipients.TryCount(customer, limit, now);
        metrics.Counted(counted.Outcome);
        PermitDecision answer;
        Task written;
        if (counted.Change is { } change)
        {
            var decision = SendDecision.Allow(null, counted.Usage);
            var grant = PermitGranted.From(request.MessageId, request.Customer, MessageType.Template, decision, change.At);
            _ledger.Apply(grant);
            written = _tail.Append(WriteAsync(grant));
            answer = decision.ToContract(request.MessageId);
        }
        else
        {
            written = _tail.Current;
            answer = counted.Granted
                ? SendDecision.Allow(null, counted.Usage).ToContract(request.MessageId)
                : SendDecision.Deny(DenyReason.TemplateRecipientLimitReached,
                    $"{counted.Usage.Used} of {limit} template recipients used in the rolling 24 h.", counted.Usage.NextSlotAt)
                    .ToContract(request.MessageId);
        }

        await DurableAsync(written);
        return answer;
    }

    private async Task WriteAsync(PermitGranted grant)
    {
        if (!await store.AppendQuotaAsync(Key, _epoch, grant))
        {
            throw new QuotaFencedException(Key);
        }
    }

    /// <summary>
    /// Waits until what the answer rests on is committed. A fenced write means a newer activation owns
    /// the quota (a stale duplicate after a silo failure); a failed one leaves a slot counted in memory
    /// only. Either way this activation grants nothing more and goes away: the next one rebuilds from
    /// what is committed, and the caller retries.
    /// </summary>
    private async Task DurableAsync(Task written)
    {
        try
        {
            await written;
        }
        catch (QuotaFencedException)
        {
            QuotaLog.Fenced(logger, Key, _epoch);
            DeactivateOnIdle();
            throw;
        }
        catch (Exception e)
        {
            QuotaLog.WriteFailed(logger, Key, e);
            DeactivateOnIdle();
            throw;
        }
    }

    public ValueTask<RecipientLimitView> UsageAsync(int limit)
    {
        var usage = _recipients.Usage(limit, clock.GetUtcNow());
        return ValueTask.FromResult(new RecipientLimitView(usage.Used, usage.Limit, usage.NextSlotAt));
    }

    public ValueTask<TemplateRecipientsView> RecipientsAsync(int limit)
    {
        var now = clock.GetUtcNow();
        var usage = _recipients.Usage(limit, now);
        return ValueTask.FromResult(new TemplateRecipientsView(
            usage.Used, usage.Limit, usage.NextSlotAt, now - rules.TemplateRecipientPeriod, now, _recipients.CountedAt(now)));
    }
}
