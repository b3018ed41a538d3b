using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

public class AccountSetBusinessVerification
{
    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void LiftsNumberLimitFrom2To20AndTemplateLimitFrom50To1000GivenVerified()
    {
        var clock = TestClock.New();
        var rules = WabaRules.Document;
        var account = TestAccounts.Live(clock.GetUtcNow());
        Assert.Equal(2, account.NumberLimit(rules));
        Assert.Equal(50, account.TemplateRecipientLimit(rules));
        clock.Advance(TimeSpan.FromDays(4));
        var now = clock.GetUtcNow();

        var changed = account.SetBusinessVerification(BusinessVerificationStatus.Verified, now);

        Assert.True(changed.State.IsBusinessVerified);
        Assert.Equal(20, changed.State.NumberLimit(rules));
        Assert.Equal(1000, changed.State.TemplateRecipientLimit(rules));
        var e = Assert.Single(changed.Events);
        Assert.Equal(AccountEventTypes.BusinessVerificationChanged, e.Type);
        Assert.Equal("verified", e.Value);
        Assert.Equal(now, e.At);
    }

    [Fact]
    public void LiftsTemplateLimitFrom250To2000GivenVerifiedUnderMetaProfile()
    {
        var now = TestClock.New().GetUtcNow();
        var rules = WabaRules.Meta;
        var account = TestAccounts.Live(now);
        Assert.Equal(250, account.TemplateRecipientLimit(rules));

        var verified = account.SetBusinessVerification(BusinessVerificationStatus.Verified, now).State;

        Assert.Equal(2000, verified.TemplateRecipientLimit(rules));
    }

    [Theory]
    [Trait("Rule", "numbers-per-waba")]
    [InlineData(BusinessVerificationStatus.Submitted, "submitted")]
    [InlineData(BusinessVerificationStatus.Rejected, "rejected")]
    public void KeepsUnverifiedLimitsGivenStatusOtherThanVerified(BusinessVerificationStatus status, string value)
    {
        var now = TestClock.New().GetUtcNow();

        var changed = TestAccounts.Live(now).SetBusinessVerification(status, now);

        Assert.Equal(2, changed.State.NumberLimit(WabaRules.Document));
        Assert.Equal(50, changed.State.TemplateRecipientLimit(WabaRules.Document));
        Assert.Equal(value, Assert.Single(changed.Events).Value);
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void LowersLimitsAgainGivenVerifiedThenRejected()
    {
        var now = TestClock.New().GetUtcNow();
        var verified = TestAccounts.Live(now).SetBusinessVerification(BusinessVerificationStatus.Verified, now).State;

        var rejected = verified.SetBusinessVerification(BusinessVerificationStatus.Rejected, now).State;

        Assert.Equal(2, rejected.NumberLimit(WabaRules.Document));
        Assert.Equal(50, rejected.TemplateRecipientLimit(WabaRules.Document));
    }

    [Fact]
    public void ChangesNothingGivenSameStatusTwice()
    {
        var clock = TestClock.New();
        var account = TestAccounts.Live(clock.GetUtcNow()).SetBusinessVerification(BusinessVerificationStatus.Verified, clock.GetUtcNow()).State;
        clock.Advance(TimeSpan.FromHours(1));

        var changed = account.SetBusinessVerification(BusinessVerificationStatus.Verified, clock.GetUtcNow());

        Assert.Empty(changed.Events);
        Assert.Same(account, changed.State);
    }

    [Fact]
    public void UsesMetasTemplateLimitOverrideWhateverTheVerification()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.Live(now) with { TemplateRecipientLimitOverride = 10_000 };

        Assert.Equal(10_000, account.TemplateRecipientLimit(WabaRules.Document));
        Assert.Equal(10_000, account.SetBusinessVerification(BusinessVerificationStatus.Verified, now).State.TemplateRecipientLimit(WabaRules.Document));
    }
}
