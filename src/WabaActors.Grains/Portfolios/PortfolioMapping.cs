using WabaActors.Contracts.Portfolios;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Portfolios;

namespace WabaActors.Grains.Portfolios;

/// <summary>Portfolio facts and limits between the domain and the wire.</summary>
internal static class PortfolioMapping
{
    public static MemberFacts ToFacts(this Account account)
    {
        var member = account.AsPortfolioMember();
        return new MemberFacts(account.Tenant, member.Waba, member.BusinessVerified, member.TemplateLimitOverride,
            member.NumberLimitOverride, member.Numbers);
    }

    public static PortfolioMember ToDomain(this MemberFacts facts) => new(facts.Waba)
    {
        BusinessVerified = facts.BusinessVerified,
        TemplateLimitOverride = facts.TemplateLimitOverride,
        NumberLimitOverride = facts.NumberLimitOverride,
        Numbers = [.. facts.Numbers],
    };

    public static SharedLimits ToContract(this PortfolioLimits limits) =>
        new(limits.BusinessManagerId, limits.NumbersUsed, limits.NumberLimit, limits.TemplateLimit, limits.Version);

    public static PortfolioLimits ToDomain(this SharedLimits limits) =>
        new(limits.BusinessManagerId, limits.NumbersUsed, limits.NumberLimit, limits.TemplateLimit, limits.Version);
}
