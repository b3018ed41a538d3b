using Microsoft.Extensions.Logging;
using WabaActors.Contracts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Portfolios;
using WabaActors.Domain.Common;
using WabaActors.Domain.Portfolios;
using WabaActors.Domain.Rules;
using WabaActors.Grains.Quota;
using WabaActors.Grains.Translation;
using WabaActors.Grains.Storage;

namespace WabaActors.Grains.Portfolios;

/// <summary>
/// One business portfolio (key: the Business Manager id). Its methods call the domain, write the state, answer
/// the limits. Not reentrant, so claims and number reservations of all members are decided one at a time.
/// When the limits change it tells its members (one-way: a member may be waiting on this grain) and, under
/// a portfolio template scope, its quota grain, which decides every member's grants with that one limit.
/// It never waits on an account, so no call cycle through it can deadlock.
/// </summary>
public sealed class PortfolioGrain(
    [PersistentState("portfolio", StorageNames.Grains)] IPersistentState<PortfolioGrainState> state,
    WabaRules rules,
    ILogger<PortfolioGrain> logger) : Grain, IPortfolioGrain
{
    private Portfolio? _unclaimed;
    private int? _quotaTold;

    private string BusinessManagerId => this.GetPrimaryKeyString();

    private Portfolio Current => state.State.Portfolio ?? (_unclaimed ??= new Portfolio(BusinessManagerId));

    private SharedLimits Limits => Current.Limits(rules, state.State.Version).ToContract();

    public ValueTask<Reply<SharedLimits>> JoinAsync(MemberFacts member) =>
        CommandAsync(member, Current.Join(member.Tenant, member.ToDomain(), rules));

    public ValueTask<Reply<SharedLimits>> ReportAsync(MemberFacts member) =>
        CommandAsync(member, Current.Report(member.Tenant, member.ToDomain()));

    public ValueTask<Reply<SharedLimits>> ReserveNumberAsync(MemberFacts member, string phone) =>
        CommandAsync(member, Current.ReserveNumber(member.Tenant, member.ToDomain(), phone, rules));

    public async ValueTask ReleaseNumberAsync(string waba, string phone) => await CommitAsync(Current.ReleaseNumber(waba, phone), waba);

    public async ValueTask LeaveAsync(string waba)
    {
        var next = Current.Leave(waba);
        if (!ReferenceEquals(next, Current))
        {
            PortfolioLog.Left(logger, BusinessManagerId, waba);
        }

        await CommitAsync(next, waba);
    }

    public ValueTask<SharedLimits> GetLimitsAsync() => ValueTask.FromResult(Limits);

    public ValueTask<PortfolioView> GetAsync() =>
        ValueTask.FromResult(new PortfolioView(BusinessManagerId, Current.Owner, [.. Current.Members.Select(m => m.Waba)], Limits));

    private async ValueTask<Reply<SharedLimits>> CommandAsync(MemberFacts member, Result<Portfolio> result)
    {
        if (!result.IsSuccess)
        {
            if (result.Error!.Code == ErrorCodes.BusinessManagerClaimed)
            {
                PortfolioLog.ClaimRefused(logger, BusinessManagerId, member.Waba, member.Tenant);
            }

            return result.Error.ToFailure();
        }

        var before = Current;
        if (before.Owner is null)
        {
            PortfolioLog.Claimed(logger, BusinessManagerId, member.Tenant);
        }

        if (before.Find(member.Waba) is null)
        {
            PortfolioLog.Joined(logger, BusinessManagerId, member.Waba);
        }

        await CommitAsync(result.Value, member.Waba);
        return Limits;
    }

    /// <summary>Writes a changed portfolio; when its limits changed, counts the version up and tells the members but <paramref name="caller"/> (it gets the answer).</summary>
    private async Task CommitAsync(Portfolio next, string caller)
    {
        var before = Current;
        if (!ReferenceEquals(next, before))
        {
            var changed = !next.Limits(rules, 0).SameLimitsAs(before.Limits(rules, 0));
            state.State.Portfolio = next;
            if (changed)
            {
                state.State.Version++;
            }

            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                // This activation holds a change that is not stored: the next one reloads.
                DeactivateOnIdle();
                throw;
            }

            if (changed)
            {
                var limits = Limits;
                PortfolioLog.LimitsChanged(logger, BusinessManagerId, limits.NumbersUsed, limits.NumberLimit, limits.TemplateLimit, limits.Version);
                TellMembers(limits, caller);
            }
        }

        await TellQuotaAsync();
    }

    private void TellMembers(SharedLimits limits, string caller)
    {
        if (rules.TemplateRecipientScope != QuotaScope.Portfolio && rules.NumberLimitScope != QuotaScope.Portfolio)
        {
            return;
        }

        foreach (var member in Current.Members.Where(m => m.Waba != caller))
        {
            try
            {
                // One-way: completes at once; a member that misses it catches up with its next report.
                _ = GrainFactory.Reference<IPortfolioMemberGrain>(member.Waba).PortfolioChangedAsync(limits);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                PortfolioLog.MemberNotTold(logger, BusinessManagerId, member.Waba, e);
            }
        }
    }

    /// <summary>
    /// Tells the portfolio's quota grain the template limit when it changed (or was never told by this
    /// activation); a failure is retried by the next call. The quota reads the limit itself when it activates.
    /// </summary>
    private async Task TellQuotaAsync()
    {
        if (rules.TemplateRecipientScope != QuotaScope.Portfolio || Current.Owner is null)
        {
            return;
        }

        var limits = Limits;
        if (_quotaTold == limits.TemplateLimit)
        {
            return;
        }

        try
        {
            await GrainFactory.Reference<IPortfolioQuotaGrain>(QuotaKeys.ForPortfolio(BusinessManagerId)).SetPortfolioLimitsAsync(limits);
            _quotaTold = limits.TemplateLimit;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            PortfolioLog.QuotaNotTold(logger, BusinessManagerId, limits.TemplateLimit, e);
        }
    }
}
