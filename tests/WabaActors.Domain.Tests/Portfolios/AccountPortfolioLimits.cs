using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Portfolios;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Portfolios;

/// <summary>An account's limits under each scope, and the portfolio limits it keeps.</summary>
public class AccountPortfolioLimits
{
    private static readonly PortfolioLimits Shared = new(TestAccounts.BusinessManagerId, 5, 20, 2_000, 3);

    [Fact]
    [Trait("Rule", "template-recipients")]
    public void AreThePortfoliosGivenThePortfolioScopeOfMeta()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.WithNumbers(now, WabaRules.Meta, TestAccounts.FirstPhone).HearPortfolio(Shared).State;

        Assert.Equal((2_000, 20, 5), (account.TemplateRecipientLimit(WabaRules.Meta), account.NumberLimit(WabaRules.Meta), account.NumbersCounted(WabaRules.Meta)));
    }

    [Fact]
    [Trait("Rule", "template-recipients")]
    public void AreTheAccountsOwnGivenTheAccountScopeOfTheDocument()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.WithNumbers(now, WabaRules.Document, TestAccounts.FirstPhone).HearPortfolio(Shared).State;

        Assert.Equal((50, 2, 1), (account.TemplateRecipientLimit(WabaRules.Document), account.NumberLimit(WabaRules.Document), account.NumbersCounted(WabaRules.Document)));
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void LeavesTheCountToThePortfolioGivenThePortfolioNumberScope()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.WithNumbers(now, WabaRules.Meta, TestAccounts.FirstPhone, TestAccounts.SecondPhone);

        // The portfolio reserved it (Portfolio.ReserveNumber) before the account adds it.
        Assert.Equal(3, account.AddNumber("420601000003", WabaRules.Meta, now).Ok().State.Numbers.Count);
    }

    [Fact]
    public void KeepsOnlyNewerLimitsOfThePortfolioItNames()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.Step3Done(now).HearPortfolio(Shared).State;

        Assert.Same(account, account.HearPortfolio(Shared with { NumbersUsed = 1, Version = 2 }).State);
        Assert.Same(account, account.HearPortfolio(Shared with { BusinessManagerId = "999", Version = 9 }).State);
        Assert.Equal(6, account.HearPortfolio(Shared with { NumbersUsed = 6, Version = 4 }).State.PortfolioLimits!.NumbersUsed);
        Assert.Empty(account.HearPortfolio(Shared with { Version = 4 }).Events);
    }

    [Fact]
    public void ForgetsTheOldPortfoliosLimitsGivenAnotherBusinessManagerId()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.Step3Done(now).HearPortfolio(Shared).State;

        var same = account.SubmitBusinessManager(TestAccounts.BusinessManagerId, true, "Acme a.s.", TestAccounts.Website, now).Ok().State;
        var moved = account.SubmitBusinessManager("987654321", true, TestAccounts.OfficialName, TestAccounts.Website, now).Ok().State;

        Assert.Equal(Shared, same.PortfolioLimits);
        Assert.Null(moved.PortfolioLimits);
    }

    [Fact]
    public void ReportsItsNumbersVerificationAndMetasLimitsAsMemberFacts()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.WithNumbers(now, WabaRules.Document, TestAccounts.FirstPhone)
            .SetBusinessVerification(BusinessVerificationStatus.Verified, now).State with { TemplateRecipientLimitOverride = 10_000 };

        var member = account.AsPortfolioMember();

        Assert.Equal((TestAccounts.Waba, true, 10_000, (int?)null), (member.Waba, member.BusinessVerified, member.TemplateLimitOverride, member.NumberLimitOverride));
        Assert.Equal([TestAccounts.FirstPhone], member.Numbers);
        Assert.True(member.SameFactsAs(member with { Numbers = [TestAccounts.FirstPhone] }));
        Assert.False(member.SameFactsAs(member with { Numbers = [] }));
    }
}
