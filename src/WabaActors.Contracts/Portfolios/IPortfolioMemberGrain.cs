using Orleans.Concurrency;

namespace WabaActors.Contracts.Portfolios;

/// <summary>
/// An account as a member of a portfolio (implemented by the account grain, keyed by the WABA id). The
/// portfolio tells its members when its limits changed; one-way, so a portfolio never waits on a member
/// that may be waiting on it.
/// </summary>
[Alias("waba.IPortfolioMemberGrain")]
public interface IPortfolioMemberGrain : IGrainWithStringKey
{
    /// <summary>The portfolio's limits changed; kept unless older than those the account holds.</summary>
    [Alias("PortfolioChanged"), OneWay]
    Task PortfolioChangedAsync(SharedLimits limits);
}
