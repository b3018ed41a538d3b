using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Tests.Rules;

public class WabaRulesMeta
{
    private static readonly WabaRules Meta = WabaRules.Meta;

    [Fact]
    public void Allows250TemplateRecipientsAnd2000OnceVerifiedSharedByThePortfolio()
    {
        Assert.Equal(250, Meta.TemplateRecipientLimit);
        Assert.Equal(2000, Meta.VerifiedTemplateRecipientLimit);
        Assert.Equal(QuotaScope.Portfolio, Meta.TemplateRecipientScope);
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public void CountsNumbersPerPortfolioWithTheDocumentsFigures()
    {
        Assert.Equal(QuotaScope.Portfolio, Meta.NumberLimitScope);
        Assert.Equal(2, Meta.NumberLimit);
        Assert.Equal(20, Meta.VerifiedNumberLimit);
    }

    [Fact]
    [Trait("Rule", "commerce-policy-review")]
    public void DeniesSendsWhileCommerceReviewPending()
    {
        Assert.False(Meta.SendsAllowedWhileReviewPending);
    }

    [Fact]
    public void EqualsTheDocumentInEveryOtherKnob()
    {
        var document = WabaRules.Document;

        var aligned = Meta with
        {
            TemplateRecipientLimit = document.TemplateRecipientLimit,
            VerifiedTemplateRecipientLimit = document.VerifiedTemplateRecipientLimit,
            TemplateRecipientScope = document.TemplateRecipientScope,
            NumberLimitScope = document.NumberLimitScope,
            SendsAllowedWhileReviewPending = document.SendsAllowedWhileReviewPending,
            Pacing = document.Pacing,
        };

        Assert.Equal(document, aligned);
        Assert.NotEqual(document, Meta);
    }
}
