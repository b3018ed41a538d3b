using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Portfolios;
using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Portfolios;
using WabaActors.Domain.Rules;
using WabaActors.Grains.Translation;
using WabaActors.Grains.Portfolios;

namespace WabaActors.Grains.Accounts;

/// <summary>
/// The account as a member of its business portfolio (ADR 0018): step 2 joins the portfolio it names
/// (whose tenant it must be), numbers are reserved there first under a portfolio number limit, its facts
/// are reported after each change, and the limits the portfolio answers or tells are kept.
/// </summary>
public sealed partial class AccountGrain : IPortfolioMemberGrain
{
    /// <summary>The facts the portfolio last took from this activation (null: none yet, so the next save reports).</summary>
    private PortfolioMember? _reported;

    private bool PortfolioScoped =>
        rules.TemplateRecipientScope == QuotaScope.Portfolio || rules.NumberLimitScope == QuotaScope.Portfolio;

    public async Task PortfolioChangedAsync(SharedLimits limits)
    {
        if (state.State.Account is { } account)
        {
            await KeepPortfolioLimitsAsync(account, limits);
        }
    }

    /// <summary>
    /// Step 2: the domain decides first (validation, order, admin), then the portfolio it names lets this
    /// tenant name it — or refuses (<c>business_manager_claimed</c>) and nothing changes. A changed id
    /// leaves the previous portfolio once the change is stored.
    /// </summary>
    private async ValueTask<Reply<AccountView>> SubmitBusinessManagerToPortfolioAsync(
        string tenant, Func<Account, DateTimeOffset, Result<Changed<Account>>> command)
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

        var change = result.Value;
        var named = change.State.BusinessManager!.BusinessManagerId;
        var joined = await Portfolio(named).JoinAsync(change.State.ToFacts());
        if (!joined.IsSuccess)
        {
            return joined.Failure!;
        }

        var toLeave = state.State.PortfoliosToLeave;
        toLeave.Remove(named);
        if (account.BusinessManager?.BusinessManagerId is { } previous && previous != named && !toLeave.Contains(previous))
        {
            toLeave.Add(previous);
        }

        var heard = change.State.HearPortfolio(joined.Value!.ToDomain());
        await SaveAsync(heard with { Events = change.Events });
        _reported = state.State.Account!.AsPortfolioMember();
        await LeavePortfoliosAsync(named);
        return await ViewAsync(state.State.Account!, now);
    }

    /// <summary>
    /// Under a portfolio number limit: the portfolio counts <paramref name="phone"/> for this account before
    /// it is added (or refuses, <c>number_limit_reached</c>). Null when the account counts its own numbers.
    /// </summary>
    private async Task<Reply<SharedLimits>?> ReserveNumberAsync(Account account, string phone)
    {
        if (rules.NumberLimitScope != QuotaScope.Portfolio || account.BusinessManager is not { } bm)
        {
            return null;
        }

        return await Portfolio(bm.BusinessManagerId).ReserveNumberAsync(account.ToFacts(), phone);
    }

    /// <summary>
    /// The number was not added after all. If the portfolio cannot be told, it counts one number too many
    /// (the safe side) until this account's next report corrects it.
    /// </summary>
    private async Task ReleaseNumberAsync(Account account, string phone)
    {
        var bm = account.BusinessManager!.BusinessManagerId;
        try
        {
            await Portfolio(bm).ReleaseNumberAsync(Waba, phone);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            PortfolioLog.Unreachable(logger, Waba, bm, "release", e);
        }
    }

    /// <summary>
    /// After each save: leaves portfolios the account no longer names, and under a portfolio scope tells its
    /// portfolio the facts that set the limits when they changed since the last report, keeping the limits
    /// it answers. Never fails the change already stored: an unreachable portfolio is told after the next one.
    /// </summary>
    private async Task ReportToPortfolioAsync()
    {
        if (state.State.Account is not { BusinessManager: { } bm } account)
        {
            return;
        }

        await LeavePortfoliosAsync(bm.BusinessManagerId);
        var facts = account.AsPortfolioMember();
        if (!PortfolioScoped || facts.SameFactsAs(_reported))
        {
            return;
        }

        Reply<SharedLimits> reply;
        try
        {
            reply = await Portfolio(bm.BusinessManagerId).ReportAsync(account.ToFacts());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            PortfolioLog.Unreachable(logger, Waba, bm.BusinessManagerId, "report", e);
            return;
        }

        _reported = facts;
        if (!reply.IsSuccess)
        {
            PortfolioLog.FactsRefused(logger, Waba, bm.BusinessManagerId, reply.Failure!.Code);
            return;
        }

        await KeepPortfolioLimitsAsync(state.State.Account!, reply.Value!);
    }

    /// <summary>Leaves each portfolio this account named before (one it names again is not left); one that cannot be reached is left after a later save.</summary>
    private async Task LeavePortfoliosAsync(string current)
    {
        foreach (var old in state.State.PortfoliosToLeave.ToList())
        {
            if (old != current)
            {
                try
                {
                    await Portfolio(old).LeaveAsync(Waba);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    PortfolioLog.Unreachable(logger, Waba, old, "leave", e);
                    continue;
                }
            }

            // Written with the next change; leaving again before that is a no-op.
            state.State.PortfoliosToLeave.Remove(old);
        }
    }

    private async Task KeepPortfolioLimitsAsync(Account account, SharedLimits limits)
    {
        var heard = account.HearPortfolio(limits.ToDomain());
        if (!ReferenceEquals(heard.State, account))
        {
            await SaveAsync(heard);
        }
    }

    private IPortfolioGrain Portfolio(string businessManagerId) => GrainFactory.Reference<IPortfolioGrain>(businessManagerId);
}
