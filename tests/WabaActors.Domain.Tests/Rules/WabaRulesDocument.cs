using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Tests.Rules;

public class WabaRulesDocument
{
    private static readonly WabaRules Document = WabaRules.Document;

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void AllowsTwoNumbersAndTwentyOnceVerifiedPerAccount()
    {
        Assert.Equal(2, Document.NumberLimit);
        Assert.Equal(20, Document.VerifiedNumberLimit);
        Assert.Equal(2, Document.NumberLimitFor(businessVerified: false));
        Assert.Equal(20, Document.NumberLimitFor(businessVerified: true));
        Assert.Equal(QuotaScope.Account, Document.NumberLimitScope);
    }

    [Fact]
    public void Allows50TemplateRecipientsPerRolling24HoursPerAccountAnd1000OnceVerified()
    {
        Assert.Equal(50, Document.TemplateRecipientLimit);
        Assert.Equal(1000, Document.VerifiedTemplateRecipientLimit);
        Assert.Equal(50, Document.TemplateLimitFor(businessVerified: false));
        Assert.Equal(1000, Document.TemplateLimitFor(businessVerified: true));
        Assert.Equal(TimeSpan.FromHours(24), Document.TemplateRecipientPeriod);
        Assert.Equal(QuotaScope.Account, Document.TemplateRecipientScope);
        Assert.Equal(TimeSpan.FromHours(24), Document.GrantRetention);
    }

    [Fact]
    [Trait("Rule", "verification-code")]
    public void UsesSixDigitCodesValidTenMinutesWithFiveAttemptsAndSixtySecondCoolDown()
    {
        Assert.Equal(6, Document.CodeLength);
        Assert.Equal(TimeSpan.FromMinutes(10), Document.CodeTtl);
        Assert.Equal(5, Document.MaxCodeAttempts);
        Assert.Equal(TimeSpan.FromSeconds(60), Document.CodeResendCooldown);
    }

    [Fact]
    [Trait("Rule", "commerce-policy-review")]
    [Trait("Rule", "display-name-review")]
    public void DueReviewsIn48HoursAndAllowsSendsWhileCommerceReviewPending()
    {
        Assert.Equal(TimeSpan.FromHours(48), Document.CommerceReviewDue);
        Assert.Equal(TimeSpan.FromHours(48), Document.DisplayNameReviewDue);
        Assert.True(Document.SendsAllowedWhileReviewPending);
    }

    [Fact]
    public void KeepsServiceWindow24HoursAndFiveMinutesClockSkew()
    {
        Assert.Equal(TimeSpan.FromHours(24), Document.ServiceWindow);
        Assert.Equal(TimeSpan.FromMinutes(5), Document.FutureTimestampTolerance);
    }
}
