using WabaActors.Domain.Portfolios;

namespace WabaActors.Domain.Tests.Portfolios;

/// <summary>Portfolios and members for the portfolio tests.</summary>
internal static class Members
{
    public const string Bm = "1234567890";
    public const string Acme = "acme";
    public const string Other = "globex";

    public static PortfolioMember Of(string waba, params string[] numbers) => new(waba) { Numbers = numbers };

    public static string Phone(int i) => $"4206010{i:00000}";

    /// <summary>Claimed by <see cref="Acme"/> with the given members.</summary>
    public static Portfolio With(Domain.Rules.WabaRules rules, params PortfolioMember[] members)
    {
        var portfolio = new Portfolio(Bm);
        foreach (var member in members)
        {
            portfolio = portfolio.Join(Acme, member, rules).Value;
        }

        return portfolio;
    }
}
