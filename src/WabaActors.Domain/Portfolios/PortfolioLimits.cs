namespace WabaActors.Domain.Portfolios;

/// <summary>
/// A portfolio's limits as of <see cref="Version"/> (counted up on every change of them): the numbers
/// of all its members, and the one number limit and template-recipient limit they share.
/// </summary>
public sealed record PortfolioLimits(string BusinessManagerId, int NumbersUsed, int NumberLimit, int TemplateLimit, long Version)
{
    /// <summary>The same limits, whatever the version.</summary>
    public bool SameLimitsAs(PortfolioLimits other) => this with { Version = 0 } == other with { Version = 0 };
}
