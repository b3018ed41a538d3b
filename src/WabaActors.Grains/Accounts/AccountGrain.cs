using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Common;
using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Grains.Quota;
using WabaActors.Grains.Translation;
using WabaActors.Grains.Notifications;
using WabaActors.Grains.Storage;
using WabaActors.Grains.Telemetry;
using WabaActors.Grains.Time;

namespace WabaActors.Grains.Accounts;

/// <summary>
/// One WABA (key: the WABA id). Its methods check the tenant, call the domain, persist the state with its
/// history entries, publish them, push the send gate to the numbers when it changed, answer.
/// </summary>
public sealed partial class AccountGrain(
    [PersistentState("account", StorageNames.Grains)] IPersistentState<AccountGrainState> state,
    IHistoryStore history,
    WabaRules rules,
    [FromKeyedServices(WabaClock.Key)] TimeProvider clock,
    IOptions<GrainOptions> options,
    IOptions<WebhookDedupeOptions> dedupe,
    IOptions<NotificationOptions> notifications,
    GrainMetrics metrics,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain, IRemindable
{
    private string Waba => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Unpublished.Count > 0)
        {
            await history.AppendAsync(Waba, state.State.Unpublished, cancellationToken);
        }

        await PokeNotifierAsync();
    }

    public async ValueTask<Reply<AccountView>> CreateAsync(string tenant, string? name)
    {
        var now = clock.GetUtcNow();

        // The body is checked first: an invalid name is refused even when the account exists.
        var parsedName = Account.ParseName(name);
        if (!parsedName.IsSuccess)
        {
            return parsedName.Error!.ToFailure();
        }

        if (state.State.Account is { } existing)
        {
            if (existing.Tenant != tenant)
            {
                return new Failure(ErrorCodes.WabaAlreadyOnboarded, "This WABA id is already onboarded by another tenant.");
            }

            // The same tenant again: a new name renames the account; no name or the same one changes nothing.
            var renamed = existing.Rename(parsedName.Value, now);
            if (!renamed.IsSuccess)
            {
                return renamed.Error!.ToFailure();
            }

            if (renamed.Value.HasChanges)
            {
                await SaveAsync(renamed.Value);
            }

            return Reply<AccountView>.Ok(await ViewAsync(state.State.Account!, now));
        }

        var created = Account.Create(tenant, Waba, parsedName.Value, now);
        await SaveAsync(created);
        return Reply<AccountView>.Ok(await ViewAsync(created.State, now), created: true);
    }

    public async ValueTask<Reply<AccountView>> GetAsync(string tenant) =>
        Owned(tenant) is { } account ? await ViewAsync(account, clock.GetUtcNow()) : Failures.AccountNotFound;

    public ValueTask<Reply<AccountView>> SubmitEmailAsync(string tenant, string? email) =>
        CommandAsync(tenant, (a, now) => a.SubmitEmail(email, now));

    public ValueTask<Reply<AccountView>> ConfirmEmailAsync(string tenant) =>
        CommandAsync(tenant, (a, now) => a.ConfirmEmail(now));

    public ValueTask<Reply<AccountView>> SubmitBusinessManagerAsync(string tenant, BusinessManagerRequest r) =>
        SubmitBusinessManagerToPortfolioAsync(tenant, (a, now) => a.SubmitBusinessManager(r.BusinessManagerId, r.IsAdmin, r.OfficialName, r.Website, now));

    public ValueTask<Reply<AccountView>> SubmitCompanyProfileAsync(string tenant, CompanyProfileRequest r) =>
        CommandAsync(tenant, (a, now) => a.SubmitCompanyProfile(r.OfficialName, r.IndustryCategory, r.Description, now));

    public ValueTask<Reply<AccountView>> DecideCommerceReviewAsync(string tenant, ReviewDecisionRequest r) =>
        CommandAsync(tenant, (a, now) => Parse.Decision(r.Decision) is { } decision
            ? Text.ParseOptional(r.Reason, "reason") is { IsSuccess: false } bad ? DomainError.Invalid("reason", bad.Error!.Message) : a.DecideCommerceReview(decision, r.Reason?.Trim(), now)
            : DomainError.Invalid("decision", "decision must be 'approved' or 'rejected'."));

    public ValueTask<Reply<AccountView>> SetBusinessVerificationAsync(string tenant, string? status) =>
        CommandAsync(tenant, (a, now) => Parse.BusinessVerification(status) is { } s
            ? a.SetBusinessVerification(s, now)
            : DomainError.Invalid("status", "status must be 'submitted', 'verified' or 'rejected'."));

    public async ValueTask<Reply<EventPage>> GetEventsAsync(string tenant, long after, int limit)
    {
        if (Owned(tenant) is null)
        {
            return Failures.AccountNotFound;
        }

        var events = await history.ReadAsync(Waba, after, limit);
        var views = events.Select(e => new EventView(e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Event.Type, e.Event.At)
        {
            Phone = e.Event.Phone,
            Value = e.Event.Value,
            Reason = e.Event.Reason,
        }).ToList();
        var cursor = views.Count > 0 ? views[^1].Id : after > 0 ? after.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new EventPage(views, cursor);
    }

    public ValueTask<AccountGate> GetGateAsync() => ValueTask.FromResult(Gate());

    private Account? Owned(string tenant) => state.State.Account is { } a && a.Tenant == tenant ? a : null;

    private AccountGate Gate() => state.State.Account is { } a
        ? a.ToGate(rules, state.State.LastSequence)
        : new AccountGate(GateStatus.Onboarding, false, false, null, null, QuotaKeys.ForAccount(Waba), rules.TemplateRecipientLimit, 0);

    private async ValueTask<Reply<AccountView>> CommandAsync(string tenant, Func<Account, DateTimeOffset, Result<Changed<Account>>> command)
    {
        if (Owned(tenant) is not { } account)
        {
            return Failures.AccountNotFound;
        }

        var now = clock.GetUtcNow();
        var result = command(account, now);
        if (!result.IsSuccess)
        {
            return result.Error!.ToFailure();
        }

        await SaveAsync(result.Value);
        return await ViewAsync(state.State.Account!, now);
    }
}
