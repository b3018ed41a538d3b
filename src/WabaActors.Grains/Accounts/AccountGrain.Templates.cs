using WabaActors.Contracts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Grains.Telemetry;
using WabaActors.Contracts.Templates;
using WabaActors.Domain.Common;
using WabaActors.Domain.Templates;
using WabaActors.Grains.Translation;

namespace WabaActors.Grains.Accounts;

/// <summary>
/// The account's template registry: set over HTTP or by Meta's webhooks (<see cref="ApplyWebhookAsync"/>), stored
/// with the account, and handed to the numbers in the gate, which decide permits naming a template on it.
/// </summary>
public sealed partial class AccountGrain
{
    public async ValueTask<Reply<TemplateView>> PutTemplateAsync(string tenant, TemplateUpdate update)
    {
        if (Owned(tenant) is not { } account)
        {
            return Failures.AccountNotFound;
        }

        var v = new Validator();
        var name = TemplateName.Check(v, update.Template?.Name, update.Template?.Language);
        v.Check(update.Category is null || update.Category.Value.IsDefined(), "category", "category must be marketing, utility or authentication.");
        v.Check(update.Status.IsDefined(), "status", "status is not a template status.");
        if (!v.IsValid)
        {
            return v.ToError().ToFailure();
        }

        var now = clock.GetUtcNow();
        var changed = account.SetTemplate(name!.Value, update.Category?.ToDomain(), update.Status.ToDomain(), update.PausedUntil, now);
        if (!changed.IsSuccess)
        {
            return changed.Error!.ToFailure();
        }

        await SaveAsync(changed.Value);
        return state.State.Account!.FindTemplate(name.Value)!.ToView(now);
    }

    public ValueTask<Reply<TemplateList>> GetTemplatesAsync(string tenant)
    {
        if (Owned(tenant) is not { } account)
        {
            return ValueTask.FromResult<Reply<TemplateList>>(Failures.AccountNotFound);
        }

        var now = clock.GetUtcNow();
        return ValueTask.FromResult<Reply<TemplateList>>(new TemplateList([.. account.Templates.Select(t => t.ToView(now))]));
    }

    public async ValueTask ShareVerdictAsync(string phone, SharedVerdict verdict)
    {
        if (state.State.Account is not { } account)
        {
            return;
        }

        var owner = new Scope(account.Tenant, Waba);
        foreach (var number in account.Numbers.Where(n => n.Phone != phone))
        {
            try
            {
                await GrainFactory.Reference<INumberGrain>(number.Phone).LearnVerdictAsync(owner, verdict);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                AccountLog.VerdictShareFailed(logger, Waba, PersonalData.Hash(number.Phone), e);
            }
        }
    }
}
