namespace WabaActors.Contracts.Portfolios;

/// <summary>
/// A portfolio's template quota (implemented by the template-quota grain, key <c>portfolio:{businessManagerId}</c>):
/// it decides every member's grants with the portfolio's one limit, told here when it changes and asked of
/// the portfolio when the quota activates, never with the limit a member's number passes.
/// </summary>
[Alias("waba.IPortfolioQuotaGrain")]
public interface IPortfolioQuotaGrain : IGrainWithStringKey
{
    /// <summary>The portfolio's limits changed; kept unless older than those the quota holds.</summary>
    [Alias("SetPortfolioLimits")]
    ValueTask SetPortfolioLimitsAsync(SharedLimits limits);
}
