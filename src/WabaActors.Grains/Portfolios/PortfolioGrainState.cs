using WabaActors.Domain.Portfolios;

namespace WabaActors.Grains.Portfolios;

/// <summary>A portfolio's state, written whole with an ETag check: the portfolio (null while unclaimed) and the version of its limits.</summary>
[GenerateSerializer, Alias("waba.PortfolioGrainState")]
public sealed class PortfolioGrainState
{
    [Id(0)] public Portfolio? Portfolio { get; set; }

    /// <summary>Counted up on every change of the limits, so that receivers keep the newest (see <see cref="Contracts.Portfolios.SharedLimits"/>).</summary>
    [Id(1)] public long Version { get; set; }
}
