using WabaActors.Domain.Events;
using WabaActors.Domain.Portfolios;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Onboarding;

/// <summary>The account as a member of its business portfolio (the Business Manager id of step 2).</summary>
public sealed partial record Account
{
    /// <summary>
    /// The limits of the portfolio this account belongs to, as the portfolio last told them (null before it
    /// joined one). Under a portfolio scope they are the account's limits; the portfolio decides with its
    /// own copy, so an older one here only shows in the view until the next update arrives.
    /// </summary>
    public PortfolioLimits? PortfolioLimits { get; init; }

    /// <summary>The facts of this account that set its portfolio's limits.</summary>
    public PortfolioMember AsPortfolioMember() => new(Waba)
    {
        BusinessVerified = IsBusinessVerified,
        TemplateLimitOverride = TemplateRecipientLimitOverride,
        NumberLimitOverride = NumberLimitOverride,
        Numbers = [.. Numbers.Select(n => n.Phone)],
    };

    /// <summary>The numbers counted toward <see cref="NumberLimit"/>: the account's, or under a portfolio scope all its portfolio's.</summary>
    public int NumbersCounted(WabaRules rules) =>
        rules.NumberLimitScope == QuotaScope.Portfolio && PortfolioLimits is { } portfolio ? portfolio.NumbersUsed : Numbers.Count;

    /// <summary>
    /// Keeps the limits its portfolio told, unless they are of another portfolio than the one of step 2
    /// (a late word from the one it left) or older than those it holds. No history entry: they are the
    /// portfolio's, not a change of this account.
    /// </summary>
    public Changed<Account> HearPortfolio(PortfolioLimits limits)
    {
        if (BusinessManager?.BusinessManagerId != limits.BusinessManagerId
            || (PortfolioLimits is { } held && held.BusinessManagerId == limits.BusinessManagerId && held.Version >= limits.Version))
        {
            return Changed<Account>.Unchanged(this);
        }

        return new Changed<Account>(this with { PortfolioLimits = limits }, []);
    }
}
