using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

public class AccountApplyCapabilities
{
    private const string Rule = "meta-capabilities";

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData("TIER_250", 250, "250")]
    [InlineData("TIER_1K", 1_000, "1000")]
    [InlineData("TIER_2K", 2_000, "2000")]
    [InlineData("TIER_10K", 10_000, "10000")]
    [InlineData("TIER_100K", 100_000, "100000")]
    [InlineData("TIER_UNLIMITED", int.MaxValue, "unlimited")]
    [InlineData("tier_2k", 2_000, "2000")]
    [InlineData("2000", 2_000, "2000")]
    [InlineData("75", 75, "75")]
    public void SetsTemplateRecipientLimitGivenTierOrNumber(string value, int limit, string recorded)
    {
        var now = TestClock.Start;

        var changed = TestAccounts.Live(now).ApplyCapabilities(value, null, now).Ok();

        Assert.Equal(limit, changed.State.TemplateRecipientLimit(WabaRules.Document));
        var e = Assert.Single(changed.Events);
        Assert.Equal(AccountEventTypes.TemplateLimitChanged, e.Type);
        Assert.Equal(recorded, e.Value);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void OverridesVerifiedLimitsGivenMetasFigures()
    {
        var now = TestClock.Start;
        var verified = TestAccounts.Live(now).SetBusinessVerification(BusinessVerificationStatus.Verified, now).State;

        var changed = verified.ApplyCapabilities("TIER_250", "25", now).Ok();

        Assert.Equal(250, changed.State.TemplateRecipientLimit(WabaRules.Document));
        Assert.Equal(25, changed.State.NumberLimit(WabaRules.Document));
        Assert.Equal([AccountEventTypes.TemplateLimitChanged, AccountEventTypes.NumberLimitChanged], changed.Events.Types());
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void AllowsNumbersUpToMetasLimit()
    {
        var now = TestClock.Start;
        var rules = WabaRules.Document;
        var account = TestAccounts.WithNumbers(now, rules, TestAccounts.FirstPhone, TestAccounts.SecondPhone);
        account.AddNumber("420601000003", rules, now).Refused(Common.ErrorCodes.NumberLimitReached);

        var raised = account.ApplyCapabilities(null, "3", now).Ok().State;

        Assert.True(raised.AddNumber("420601000003", rules, now).IsSuccess);
        Assert.Equal(3, raised.NumberLimit(rules));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void ChangesNothingGivenSameFiguresAgainOrNone()
    {
        var now = TestClock.Start;
        var account = TestAccounts.Live(now).ApplyCapabilities("TIER_1K", "10", now).Ok().State;

        var same = account.ApplyCapabilities("1000", "10", now).Ok();
        var none = account.ApplyCapabilities(null, null, now).Ok();

        Assert.Same(account, same.State);
        Assert.Empty(same.Events);
        Assert.Same(account, none.State);
        Assert.Empty(none.Events);
    }

    [Theory]
    [Trait("Rule", Rule)]
    [InlineData("TIER_3K", null, "max_daily_conversations_per_business")]
    [InlineData("0", null, "max_daily_conversations_per_business")]
    [InlineData("-5", null, "max_daily_conversations_per_business")]
    [InlineData("1e3", null, "max_daily_conversations_per_business")]
    [InlineData("99999999999", null, "max_daily_conversations_per_business")]
    [InlineData(null, "0", "max_phone_numbers")]
    [InlineData(null, "two", "max_phone_numbers")]
    [InlineData(null, "", "max_phone_numbers")]
    public void RefusesValuesThatAreNotALimit(string? templates, string? numbers, string field)
    {
        var now = TestClock.Start;

        TestAccounts.Live(now).ApplyCapabilities(templates, numbers, now).Invalid(field);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void AppliesNeitherGivenOneInvalid()
    {
        var now = TestClock.Start;

        var result = TestAccounts.Live(now).ApplyCapabilities("TIER_2K", "lots", now);

        result.Invalid("max_phone_numbers");
    }
}
