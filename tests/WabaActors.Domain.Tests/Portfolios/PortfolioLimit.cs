using WabaActors.Domain.Portfolios;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Tests.Portfolios;

/// <summary>The portfolio's limits: one value for every member, set by facts of any member.</summary>
public class PortfolioLimit
{
    private static readonly WabaRules Meta = WabaRules.Meta;

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void CountsTheNumbersOfEveryMember()
    {
        var portfolio = Members.With(Meta, Members.Of("waba-1", Members.Phone(1)), Members.Of("waba-2", Members.Phone(2)));

        Assert.Equal(2, portfolio.NumbersUsed);
        Assert.Equal(new PortfolioLimits(Members.Bm, 2, 2, 250, 7), portfolio.Limits(Meta, 7));
    }

    [Fact]
    [Trait("Rule", "template-recipients")]
    public void LiftsBothLimitsForEveryMemberGivenOneMemberBusinessVerified()
    {
        var portfolio = Members.With(Meta, Members.Of("waba-1"), Members.Of("waba-2"));

        var verified = portfolio.Report(Members.Acme, Members.Of("waba-2") with { BusinessVerified = true }).Value;

        Assert.Equal((250, 2), (portfolio.TemplateLimit(Meta), portfolio.NumberLimit(Meta)));
        Assert.Equal((2_000, 20), (verified.TemplateLimit(Meta), verified.NumberLimit(Meta)));
    }

    [Fact]
    [Trait("Rule", "template-recipients")]
    public void TakesMetasLimitMostRecentlyReportedByAnyMember()
    {
        var portfolio = Members.With(Meta, Members.Of("waba-1"), Members.Of("waba-2"));

        var first = portfolio.Report(Members.Acme, Members.Of("waba-1") with { TemplateLimitOverride = 10_000, NumberLimitOverride = 25 }).Value;
        var second = first.Report(Members.Acme, Members.Of("waba-2") with { TemplateLimitOverride = 2_000 }).Value;

        Assert.Equal((10_000, 25), (first.TemplateLimit(Meta), first.NumberLimit(Meta)));
        Assert.Equal((2_000, 25), (second.TemplateLimit(Meta), second.NumberLimit(Meta)));
    }

    [Fact]
    [Trait("Rule", "template-recipients")]
    public void KeepsTheLatestOverrideGivenAMemberReportsItsUnchangedOneAgain()
    {
        var portfolio = Members.With(Meta, Members.Of("waba-1") with { TemplateLimitOverride = 10_000 }, Members.Of("waba-2"));
        portfolio = portfolio.Report(Members.Acme, Members.Of("waba-2") with { TemplateLimitOverride = 2_000 }).Value;

        // waba-1 reports again (a number added, say) with the override it reported before: not news.
        var again = portfolio.Report(Members.Acme, Members.Of("waba-1", Members.Phone(1)) with { TemplateLimitOverride = 10_000 }).Value;

        Assert.Equal(2_000, again.TemplateLimit(Meta));
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void DropsTheNumbersOfAMemberThatLeaves()
    {
        var portfolio = Members.With(Meta, Members.Of("waba-1", Members.Phone(1)), Members.Of("waba-2", Members.Phone(2)));

        var left = portfolio.Leave("waba-1");

        Assert.Equal(1, left.NumbersUsed);
        Assert.Same(left, left.Leave("waba-1"));
    }

    [Fact]
    public void ComparesLimitsWhateverTheVersion()
    {
        var limits = new PortfolioLimits(Members.Bm, 1, 2, 250, 3);

        Assert.True(limits.SameLimitsAs(limits with { Version = 9 }));
        Assert.False(limits.SameLimitsAs(limits with { NumbersUsed = 2 }));
    }
}
