using WabaActors.Domain.Common;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Portfolios;

/// <summary>
/// A Meta business portfolio (key: its Business Manager id). It belongs to the first tenant that names
/// it (<see cref="Owner"/>, kept for good); its members are that tenant's WABAs that name it in
/// onboarding step 2. Under Meta's rules (<see cref="QuotaScope.Portfolio"/>) its members share one
/// number limit and one template-recipient limit: the same value whichever member asks. Immutable:
/// every command returns the new portfolio (the same instance when nothing changed) or an error.
/// </summary>
public sealed record Portfolio(string BusinessManagerId)
{
    /// <summary>The tenant that named the Business Manager id first; null while nobody has.</summary>
    public string? Owner { get; init; }

    public IReadOnlyList<PortfolioMember> Members { get; init; } = [];

    /// <summary>Meta's template-recipient limit most recently reported by any member (it is the business's).</summary>
    public int? TemplateLimitOverride { get; init; }

    /// <summary>Meta's number limit most recently reported by any member.</summary>
    public int? NumberLimitOverride { get; init; }

    /// <summary>Business verification is of the business: one verified member verifies the portfolio.</summary>
    public bool IsBusinessVerified => Members.Any(m => m.BusinessVerified);

    /// <summary>Every number of every member.</summary>
    public int NumbersUsed => Members.Sum(m => m.Numbers.Count);

    public int TemplateLimit(WabaRules rules) => TemplateLimitOverride ?? rules.TemplateLimitFor(IsBusinessVerified);

    public int NumberLimit(WabaRules rules) => NumberLimitOverride ?? rules.NumberLimitFor(IsBusinessVerified);

    public PortfolioLimits Limits(WabaRules rules, long version) =>
        new(BusinessManagerId, NumbersUsed, NumberLimit(rules), TemplateLimit(rules), version);

    public PortfolioMember? Find(string waba) => Members.FirstOrDefault(m => m.Waba == waba);

    /// <summary>
    /// Step 2: <paramref name="tenant"/> names this portfolio for <paramref name="member"/>. The first
    /// tenant claims it; another tenant is refused (<c>business_manager_claimed</c>). Under a portfolio
    /// number limit, a WABA that joins with numbers must fit in it (a member already in is not checked again).
    /// </summary>
    public Result<Portfolio> Join(string tenant, PortfolioMember member, WabaRules rules)
    {
        if (Refuse(tenant) is { } refused)
        {
            return refused;
        }

        var next = Upsert(tenant, member);
        if (Find(member.Waba) is null && member.Numbers.Count > 0 && rules.NumberLimitScope == QuotaScope.Portfolio
            && next.NumbersUsed > next.NumberLimit(rules))
        {
            return LimitReached(NumbersUsed, next.NumberLimit(rules), $" and the account brings {member.Numbers.Count}");
        }

        return next;
    }

    /// <summary>A member's facts changed (or are reported again): they replace what the portfolio held of it.</summary>
    public Result<Portfolio> Report(string tenant, PortfolioMember member) =>
        Refuse(tenant) is { } refused ? refused : Upsert(tenant, member);

    /// <summary>
    /// Before a member adds <paramref name="phone"/>: counts it, unless that would pass the number limit
    /// (<c>number_limit_reached</c>). Idempotent per phone. <paramref name="member"/> holds the member's
    /// facts as they are now (its numbers without this one): a reservation left by an earlier attempt
    /// that never reached the account is dropped by them.
    /// </summary>
    public Result<Portfolio> ReserveNumber(string tenant, PortfolioMember member, string phone, WabaRules rules)
    {
        if (Refuse(tenant) is { } refused)
        {
            return refused;
        }

        var next = Upsert(tenant, member);
        var current = next.Find(member.Waba)!;
        if (current.Numbers.Contains(phone, StringComparer.Ordinal))
        {
            return next;
        }

        var limit = next.NumberLimit(rules);
        return next.NumbersUsed >= limit
            ? LimitReached(next.NumbersUsed, limit, "")
            : next.With(current with { Numbers = [.. current.Numbers, phone] });
    }

    /// <summary>A reserved number the member did not add after all (another account has it, say).</summary>
    public Portfolio ReleaseNumber(string waba, string phone) =>
        Find(waba) is { } member && member.Numbers.Contains(phone, StringComparer.Ordinal)
            ? With(member with { Numbers = [.. member.Numbers.Where(n => n != phone)] })
            : this;

    /// <summary>The member named another Business Manager id: it and its numbers leave; the claim stays.</summary>
    public Portfolio Leave(string waba) =>
        Find(waba) is null ? this : this with { Members = [.. Members.Where(m => m.Waba != waba)] };

    private DomainError? Refuse(string tenant) => Owner is null || Owner == tenant
        ? null
        : new DomainError(ErrorCodes.BusinessManagerClaimed, "This Business Manager id is already claimed by another tenant.");

    private static DomainError LimitReached(int used, int limit, string more) =>
        new(ErrorCodes.NumberLimitReached,
            $"The business portfolio has {used} of {limit} numbers{more}; business verification raises the limit.");

    /// <summary>
    /// The member's facts in place of what was held of it (the same instance when nothing changed). An
    /// override Meta reported that differs from what this member reported before becomes the portfolio's.
    /// </summary>
    private Portfolio Upsert(string tenant, PortfolioMember member)
    {
        var previous = Find(member.Waba);
        if (Owner == tenant && member.SameFactsAs(previous))
        {
            return this;
        }

        var next = With(member) with { Owner = tenant };
        if (member.TemplateLimitOverride is { } t && t != previous?.TemplateLimitOverride)
        {
            next = next with { TemplateLimitOverride = t };
        }

        if (member.NumberLimitOverride is { } n && n != previous?.NumberLimitOverride)
        {
            next = next with { NumberLimitOverride = n };
        }

        return next;
    }

    private Portfolio With(PortfolioMember member) => this with
    {
        Members = Find(member.Waba) is null
            ? [.. Members, member]
            : [.. Members.Select(m => m.Waba == member.Waba ? member : m)],
    };
}
