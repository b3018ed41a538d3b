using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Webhooks;
using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Grains.Mapping;

namespace WabaActors.Grains.Accounts;

/// <summary>
/// Changes Meta (and 360dialog, the partner) send by webhook. Each is applied once: its digest is stored with the change it
/// made (one write), and a redelivery within the retention is answered as a duplicate.
/// </summary>
public sealed partial class AccountGrain
{
    public ValueTask<string?> GetOwnerAsync() => ValueTask.FromResult(state.State.Account?.Tenant);

    public async ValueTask<Reply<WebhookResult>> ApplyWebhookAsync(AccountWebhook change)
    {
        if (state.State.Account is not { } account)
        {
            return WebhookResult.UnknownAccount;
        }

        var now = clock.GetUtcNow();
        var seen = state.State.SeenWebhooks;
        if (SeenWebhooks.Contains(seen, change.Digest, now, dedupe.Value))
        {
            return WebhookResult.Duplicate;
        }

        if (change is DisplayNameWebhook name)
        {
            return await DecideDisplayNameAsync(account, name, now);
        }

        var result = Command(account, change, now);
        if (!result.IsSuccess)
        {
            return result.Error!.ToFailure();
        }

        SeenWebhooks.Add(seen, change.Digest, now, dedupe.Value);
        if (!result.Value.HasChanges)
        {
            await WriteAsync();
            return WebhookResult.Unchanged;
        }

        await SaveAsync(result.Value);
        return WebhookResult.Applied;
    }

    private static Result<Changed<Account>> Command(Account account, AccountWebhook change, DateTimeOffset now) => change switch
    {
        ReviewWebhook r => !MetaDecisions.TryCommerceReview(r.Decision, out var decision)
            ? DomainError.Invalid("decision", "decision must be APPROVED, REJECTED, PENDING or DEFERRED.")
            : decision is { } d ? account.DecideCommerceReview(d, null, now) : Changed<Account>.Unchanged(account),
        RestrictionWebhook r => account.ApplyRestrictions([.. r.Restrictions.Select(n => new MetaRestriction(n.Type, n.Expiration))], now),
        BanWebhook b => account.ApplyBanState(b.State, now),
        CapabilityWebhook c => account.ApplyCapabilities(c.MaxDailyConversations, c.MaxPhoneNumbers, now),
        PartnerWebhook p => account.ApplyPartnerNotice(new PartnerNotice(p.Event, p.Phone, p.Label, p.BillingStartedAt)
        {
            Restrictions = [.. p.Restrictions.Select(n => new MetaRestriction(n.Type, n.Expiration))],
            BanState = p.BanState,
        }, now),
        _ => throw new ArgumentException($"Unknown webhook change {change.GetType().Name}.", nameof(change)),
    };

    /// <summary>
    /// The number decides (its domain command) and reports the decision back to this account while
    /// this call awaits it: the call chain may re-enter, so the report is not a deadlock.
    /// </summary>
    private async Task<Reply<WebhookResult>> DecideDisplayNameAsync(Account account, DisplayNameWebhook change, DateTimeOffset now)
    {
        if (account.FindNumber(change.Phone) is null)
        {
            return Failure.NotFound("The number on this account");
        }

        if (MetaDecisions.DisplayName(change.Decision) is not { } decision)
        {
            return DomainError.Invalid("decision", "decision must be APPROVED or DECLINED.").ToFailure();
        }

        Reply<Contracts.Numbers.NumberView> decided;
        using (RequestContext.AllowCallChainReentrancy())
        {
            var request = new ReviewDecisionRequest(decision, MetaDecisions.Reason(change.Reason));
            decided = await GrainFactory.Reference<INumberGrain>(change.Phone).DecideDisplayNameAsync(new Scope(account.Tenant, Waba), request);
        }

        if (!decided.IsSuccess)
        {
            return decided.Failure!;
        }

        SeenWebhooks.Add(state.State.SeenWebhooks, change.Digest, now, dedupe.Value);
        await WriteAsync();
        return WebhookResult.Applied;
    }
}
