using WabaActors.Contracts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Numbers;
using WabaActors.Contracts.Webhooks;
using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Templates;
using WabaActors.Grains.Translation;

namespace WabaActors.Grains.Accounts;

/// <summary>
/// Changes Meta (and 360dialog, the partner) send by webhook. The rules compute each change's effect
/// against the current state; a change that moves the state is applied (a later decision replaces an
/// earlier one, in arrival order), and only an exact redelivery that would change nothing more is a
/// duplicate (<see cref="Redelivery"/>, ADR 0005). The change and its digest are stored in one write
/// (a display-name decision's in the number's, ADR 0027).
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
        var seenBefore = SeenWebhooks.Contains(seen, change.Digest, now, dedupe.Value);
        if (change is DisplayNameWebhook name)
        {
            return await DecideDisplayNameAsync(account, name, seenBefore, now);
        }

        var result = Command(account, change, now);
        if (!result.IsSuccess)
        {
            return result.Error!.ToFailure();
        }

        var outcome = Redelivery.Classify(account, result.Value, seenBefore);
        if (outcome == ChangeOutcome.Duplicate)
        {
            return WebhookResult.Duplicate;
        }

        SeenWebhooks.Add(seen, change.Digest, now, dedupe.Value);
        if (outcome == ChangeOutcome.Unchanged)
        {
            await WriteAsync();
            return WebhookResult.Unchanged;
        }

        await SaveAsync(result.Value);
        return WebhookResult.Applied;
    }

    private Result<Changed<Account>> Command(Account account, AccountWebhook change, DateTimeOffset now) => change switch
    {
        ReviewWebhook r => MetaReviewWord.Parse(r.Decision) is { } decision
            ? account.ApplyMetaReview(decision, rules, now)
            : DomainError.Invalid("decision", "decision must be APPROVED, REJECTED, PENDING or DEFERRED."),
        RestrictionWebhook r => account.ApplyRestrictions([.. r.Restrictions.Select(n => new MetaRestriction(n.Type, n.Expiration))], now),
        BanWebhook b => account.ApplyBanState(b.State, now),
        AccountEventWebhook e => MetaAccountEvents.Parse(e.Event) is { } kind
            ? account.ApplyAccountEvent(kind, e.Detail, now)
            : DomainError.Invalid("event", $"account_update event '{e.Event}' is not one the account applies."),
        CapabilityWebhook c => Capabilities(account, c, now),
        TemplateWebhook t => Template(account, t, now),
        PartnerWebhook p => account.ApplyPartnerNotice(new PartnerNotice(p.Event, p.Phone, p.Label, p.BillingStartedAt)
        {
            Restrictions = [.. p.Restrictions.Select(n => new MetaRestriction(n.Type, n.Expiration))],
            BanState = p.BanState,
        }, now),
        _ => throw new ArgumentException($"Unknown webhook change {change.GetType().Name}.", nameof(change)),
    };

    /// <summary>Meta's template status (<c>event</c> set) or category update, for a template named as Meta names them.</summary>
    private static Result<Changed<Account>> Template(Account account, TemplateWebhook t, DateTimeOffset now)
    {
        var name = TemplateName.Parse(t.Name, t.Language);
        if (!name.IsSuccess)
        {
            return name.Error!;
        }

        return t.Event is not null
            ? account.ApplyMetaTemplate(name.Value, t.Event, t.Category, t.PauseTitle, t.At ?? now, now)
            : account.RecategorizeTemplate(name.Value, t.Category, now);
    }

    /// <summary>Limits, and Meta's throughput upgrade of a number (<c>phone_number_quality_update</c> THROUGHPUT_UPGRADE).</summary>
    private static Result<Changed<Account>> Capabilities(Account account, CapabilityWebhook c, DateTimeOffset now)
    {
        var upgraded = c.ThroughputUpgraded is { } phone ? account.UpgradeThroughput(phone, now) : Changed<Account>.Unchanged(account);
        if (c.MaxDailyConversations is null && c.MaxPhoneNumbers is null)
        {
            return upgraded;
        }

        var limits = upgraded.State.ApplyCapabilities(c.MaxDailyConversations, c.MaxPhoneNumbers, now);
        return limits.IsSuccess ? limits.Value with { Events = [.. upgraded.Events, .. limits.Value.Events] } : limits;
    }

    /// <summary>
    /// The number decides (its domain command), stores the change's digest with it, and reports the
    /// change back to this account while this call awaits it: the call chain may re-enter, so the
    /// report is not a deadlock.
    /// </summary>
    private async Task<Reply<WebhookResult>> DecideDisplayNameAsync(Account account, DisplayNameWebhook change, bool seenBefore, DateTimeOffset now)
    {
        if (account.FindNumber(change.Phone) is null)
        {
            return Failure.NotFound("The number on this account");
        }

        if (MetaDecisions.DisplayName(change.Decision) is not { } decision)
        {
            return DomainError.Invalid("decision", "decision must be APPROVED or DECLINED.").ToFailure();
        }

        Reply<WebhookResult> decided;
        using (RequestContext.AllowCallChainReentrancy())
        {
            var request = new DisplayNameDecision(decision, MetaDecisions.Reason(change.Reason), change.RequestedName, seenBefore) { Digest = change.Digest };
            decided = await GrainFactory.Reference<INumberGrain>(change.Phone).ApplyMetaDisplayNameAsync(new Scope(account.Tenant, Waba), request);
        }

        if (!decided.IsSuccess || decided.Value == WebhookResult.Duplicate)
        {
            return decided;
        }

        // The number stored the digest with the decision (ADR 0027). Noting it here as well is for a number
        // on a silo of the previous version, which ignores the digest; losing this write loses nothing.
        SeenWebhooks.Add(state.State.SeenWebhooks, change.Digest, now, dedupe.Value);
        await WriteAsync();
        return decided;
    }
}
