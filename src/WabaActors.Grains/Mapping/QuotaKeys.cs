using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;

namespace WabaActors.Grains.Mapping;

/// <summary>Which quota grain counts an account's template recipients: its own, or its business portfolio's.</summary>
public static class QuotaKeys
{
    public static string ForAccount(string waba) => "account:" + waba;

    public static string ForPortfolio(string businessManagerId) => "portfolio:" + businessManagerId;

    public static string For(Account account, WabaRules rules) =>
        rules.TemplateRecipientScope == QuotaScope.Portfolio && account.BusinessManager is { } bm
            ? ForPortfolio(bm.BusinessManagerId)
            : ForAccount(account.Waba);
}
