using WabaActors.Contracts.Common;
using WabaActors.Contracts.Portfolios;

namespace WabaActors.Contracts;

/// <summary>
/// A Meta business portfolio, keyed by its Business Manager id. It belongs to the first tenant that
/// names it in onboarding step 2 (another tenant is refused <c>business_manager_claimed</c>), and holds
/// that tenant's WABAs that name it with the facts that set the portfolio's limits. Under Meta's rules
/// its members share one number limit (counted here, atomically) and one template-recipient limit (the
/// portfolio's quota grain decides with it). Called by account grains only.
/// </summary>
[Alias("waba.IPortfolioGrain")]
public interface IPortfolioGrain : IGrainWithStringKey
{
    /// <summary>
    /// Step 2: the member's tenant claims the portfolio (first come) and the member joins it. Refused
    /// <c>business_manager_claimed</c> when another tenant owns it; <c>number_limit_reached</c> when a WABA
    /// that brings numbers would pass the portfolio's number limit. Idempotent for a member already in.
    /// </summary>
    [Alias("Join")]
    ValueTask<Reply<SharedLimits>> JoinAsync(MemberFacts member);

    /// <summary>A member's facts after a change of its account (joins it if the portfolio did not hold it yet).</summary>
    [Alias("Report")]
    ValueTask<Reply<SharedLimits>> ReportAsync(MemberFacts member);

    /// <summary>
    /// Before a member adds <paramref name="phone"/>: counts it unless the portfolio's number limit is
    /// reached (<c>number_limit_reached</c>). Idempotent per phone; <paramref name="member"/> holds the
    /// member's numbers without this one.
    /// </summary>
    [Alias("ReserveNumber")]
    ValueTask<Reply<SharedLimits>> ReserveNumberAsync(MemberFacts member, string phone);

    /// <summary>A reserved number the member did not add after all.</summary>
    [Alias("ReleaseNumber")]
    ValueTask ReleaseNumberAsync(string waba, string phone);

    /// <summary>The member named another Business Manager id: it leaves with its numbers. Idempotent.</summary>
    [Alias("Leave")]
    ValueTask LeaveAsync(string waba);

    /// <summary>The limits now (for the quota grain when it activates).</summary>
    [Alias("GetLimits")]
    ValueTask<SharedLimits> GetLimitsAsync();

    /// <summary>Owner, members and limits (operators and tests).</summary>
    [Alias("Get")]
    ValueTask<PortfolioView> GetAsync();
}
