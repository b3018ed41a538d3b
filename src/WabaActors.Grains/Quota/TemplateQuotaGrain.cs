using Microsoft.Extensions.DependencyInjection;
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
    [FromKeyedServices(WabaClock.Key)] TimeProvider clock) : Grain, ITemplateQuotaGrain
{
    private readonly TemplateRecipients _recipients = new(rules.TemplateRecipientPeriod);
    private readonly PermitLedger _ledger = new(rules.TemplateRecipientPeriod);

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var journal = await store.LoadQuotaAsync(Key, clock.GetUtcNow(), cancellationToken);
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
        if (_ledger.Replay(id, customer, MessageType.Template, now) is { IsSuccess: true, Value: { } original })
        {
            return original.ToContract(request.MessageId);
        }

        var counted = _recipients.TryCount(customer, limit, now);
        if (counted.Change is { } change)
        {
            var decision = SendDecision.Allow(null, counted.Usage);
            var grant = PermitGranted.From(request.MessageId, request.Customer, MessageType.Template, decision, change.At);
            _ledger.Apply(grant);
            await store.AppendQuotaAsync(Key, grant);
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
