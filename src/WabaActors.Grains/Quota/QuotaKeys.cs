using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;

namespace WabaActors.Grains.Quota;

/// <summary>Which quota grain counts an account's template recipients: its own, or its business portfolio's.</summary>
public static class QuotaKeys
{
    public static string ForAccount(string waba) => "account:" + waba;

    public static string ForPortfolio(string businessManagerId) => PortfolioPrefix + businessManagerId;

    /// <summary>The Business Manager id of a portfolio's quota key; null for an account's.</summary>
    public static string? PortfolioOf(string key) =>
        key.StartsWith(PortfolioPrefix, StringComparison.Ordinal) ? key[PortfolioPrefix.Length..] : null;

    private const string PortfolioPrefix = "portfolio:";

    /// <summary>
    /// The portfolio's under a portfolio scope: an account has a Business Manager id only once its portfolio
    /// let its tenant name it (onboarding step 2, ADR 0018).
    /// </summary>
    public static string For(Account account, WabaRules rules) =>
        rules.TemplateRecipientScope == QuotaScope.Portfolio && account.BusinessManager is { } bm
            ? ForPortfolio(bm.BusinessManagerId)
            : ForAccount(account.Waba);
}
