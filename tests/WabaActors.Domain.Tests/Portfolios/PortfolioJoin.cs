using WabaActors.Domain.Common;
using WabaActors.Domain.Portfolios;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Portfolios;

public class PortfolioJoin
{
    [Theory]
    [Trait("Rule", "business-manager-claim")]
    [InlineData("document")]
    [InlineData("meta")]
    public void ClaimsForTheFirstTenantThatNamesIt(string profile)
    {
        var rules = profile == "meta" ? WabaRules.Meta : WabaRules.Document;

        var joined = new Portfolio(Members.Bm).Join(Members.Acme, Members.Of("waba-1"), rules).Value;

        Assert.Equal(Members.Acme, joined.Owner);
        Assert.Equal(["waba-1"], joined.Members.Select(m => m.Waba));
    }

    [Theory]
    [Trait("Rule", "business-manager-claim")]
    [InlineData("document")]
    [InlineData("meta")]
    public void RefusesBusinessManagerClaimedGivenAnotherTenant(string profile)
    {
        var rules = profile == "meta" ? WabaRules.Meta : WabaRules.Document;
        var portfolio = Members.With(rules, Members.Of("waba-1"));

        portfolio.Join(Members.Other, Members.Of("waba-9"), rules).Refused(ErrorCodes.BusinessManagerClaimed);
        portfolio.Report(Members.Other, Members.Of("waba-9")).Refused(ErrorCodes.BusinessManagerClaimed);
        portfolio.ReserveNumber(Members.Other, Members.Of("waba-9"), Members.Phone(1), rules).Refused(ErrorCodes.BusinessManagerClaimed);
    }

    [Fact]
    [Trait("Rule", "business-manager-claim")]
    public void KeepsTheClaimGivenEveryMemberLeft()
    {
        var portfolio = Members.With(WabaRules.Document, Members.Of("waba-1")).Leave("waba-1");

        Assert.Empty(portfolio.Members);
        Assert.Equal(Members.Acme, portfolio.Owner);
        portfolio.Join(Members.Other, Members.Of("waba-9"), WabaRules.Document).Refused(ErrorCodes.BusinessManagerClaimed);
    }

    [Fact]
    [Trait("Rule", "business-manager-claim")]
    public void AddsTheTenantsOtherWabasAsMembers()
    {
        var portfolio = Members.With(WabaRules.Meta, Members.Of("waba-1"), Members.Of("waba-2"));

        Assert.Equal(["waba-1", "waba-2"], portfolio.Members.Select(m => m.Waba));
    }

    [Fact]
    public void ChangesNothingGivenTheSameFactsAgain()
    {
        var portfolio = Members.With(WabaRules.Meta, Members.Of("waba-1", Members.Phone(1)));

        Assert.Same(portfolio, portfolio.Join(Members.Acme, Members.Of("waba-1", Members.Phone(1)), WabaRules.Meta).Value);
        Assert.Same(portfolio, portfolio.Report(Members.Acme, Members.Of("waba-1", Members.Phone(1))).Value);
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void RefusesNumberLimitReachedGivenANewcomerWhoseNumbersWouldPassThePortfolioLimit()
    {
        var portfolio = Members.With(WabaRules.Meta, Members.Of("waba-1", Members.Phone(1)));

        portfolio.Join(Members.Acme, Members.Of("waba-2", Members.Phone(2), Members.Phone(3)), WabaRules.Meta)
            .Refused(ErrorCodes.NumberLimitReached);
        Assert.Equal(2, portfolio.Join(Members.Acme, Members.Of("waba-2", Members.Phone(2)), WabaRules.Meta).Value.NumbersUsed);
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void JoinsWithAnyNumbersGivenTheAccountScopeOfTheDocument()
    {
        var portfolio = Members.With(WabaRules.Document, Members.Of("waba-1", Members.Phone(1), Members.Phone(2)));

        var joined = portfolio.Join(Members.Acme, Members.Of("waba-2", Members.Phone(3), Members.Phone(4)), WabaRules.Document).Value;

        Assert.Equal(4, joined.NumbersUsed);
    }
}
