using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Portfolios;

/// <summary>
/// Under <c>meta</c> the template-recipient limit is the portfolio's, one value whichever WABA's number
/// asks; under <c>document</c> each account keeps its own. Every test runs under both profiles.
/// </summary>
public abstract class PortfolioTemplateLimit(ClusterFixture fixture)
{
    private bool Shared => fixture.Rules.TemplateRecipientScope == QuotaScope.Portfolio;

    [Fact]
    [Trait("Rule", "template-recipient-limit")]
    public async Task DeniesThroughTheSecondWabaOnceTheFirstUsedThePortfoliosRecipientsUnderMeta()
    {
        var (first, firstPhone) = await PortfolioMembers.LiveAsync(fixture.Grains, Ids.Tenant(), Ids.BusinessManager());
        var (second, secondPhone) = await PortfolioMembers.LiveAsync(fixture.Grains, first.Tenant, first.BusinessManagerId);
        var limit = fixture.Rules.TemplateRecipientLimit;

        var used = await first.TemplatesAsync(firstPhone, limit);
        var next = await second.PermitAsync(secondPhone, Ids.Customer(), MessageKind.Template);

        Assert.All(used, d => Assert.True(d.Allowed, d.Reason?.ToString()));
        Assert.Equal(limit, used[^1].TemplateRecipients!.Used);
        var view = await second.ViewAsync();
        if (Shared)
        {
            Assert.Equal((false, DenialReason.TemplateRecipientLimitReached), (next.Allowed, next.Reason));
            Assert.Equal((limit, limit), (view.Limits.TemplateRecipients.Used, view.Limits.TemplateRecipients.Limit));
        }
        else
        {
            Assert.Equal((true, 1), (next.Allowed, next.TemplateRecipients!.Used));
            Assert.Equal((1, limit), (view.Limits.TemplateRecipients.Used, view.Limits.TemplateRecipients.Limit));
        }
    }

    [Fact]
    [Trait("Rule", "template-recipient-limit")]
    public async Task LiftsTheLimitForEveryWabaGivenOneOfThemBusinessVerifiedUnderMeta()
    {
        var (first, firstPhone) = await PortfolioMembers.LiveAsync(fixture.Grains, Ids.Tenant(), Ids.BusinessManager());
        var (second, secondPhone) = await PortfolioMembers.LiveAsync(fixture.Grains, first.Tenant, first.BusinessManagerId);
        var limit = fixture.Rules.TemplateRecipientLimit;
        await first.TemplatesAsync(firstPhone, limit);

        await second.Grain.SetBusinessVerificationAsync(second.Tenant, "verified").Ok();

        var fromFirst = await first.PermitAsync(firstPhone, Ids.Customer(), MessageKind.Template);
        var fromSecond = await second.PermitAsync(secondPhone, Ids.Customer(), MessageKind.Template);
        var verified = fixture.Rules.VerifiedTemplateRecipientLimit;
        if (Shared)
        {
            Assert.Equal((true, limit + 1, verified), (fromFirst.Allowed, fromFirst.TemplateRecipients!.Used, fromFirst.TemplateRecipients.Limit));
            Assert.Equal((true, limit + 2, verified), (fromSecond.Allowed, fromSecond.TemplateRecipients!.Used, fromSecond.TemplateRecipients.Limit));
            Assert.Equal(verified, (await first.ViewAsync()).Limits.TemplateRecipients.Limit);
            Assert.Equal(fixture.Rules.VerifiedNumberLimit, (await second.ViewAsync()).Limits.Numbers.Max);
            await Eventually.TrueAsync(async () => (await first.ViewAsync()).Limits.Numbers.Max == fixture.Rules.VerifiedNumberLimit,
                "the first member's view to show the lifted number limit");
        }
        else
        {
            Assert.Equal((false, DenialReason.TemplateRecipientLimitReached), (fromFirst.Allowed, fromFirst.Reason));
            Assert.Equal((true, 1, verified), (fromSecond.Allowed, fromSecond.TemplateRecipients!.Used, fromSecond.TemplateRecipients.Limit));
            Assert.Equal(fixture.Rules.NumberLimit, (await first.ViewAsync()).Limits.Numbers.Max);
        }
    }

    [Fact]
    [Trait("Rule", "template-recipient-limit")]
    public async Task DecidesWithThePortfoliosLimitGivenTheQuotaReactivated()
    {
        var (first, firstPhone) = await PortfolioMembers.LiveAsync(fixture.Grains, Ids.Tenant(), Ids.BusinessManager());
        var (second, secondPhone) = await PortfolioMembers.LiveAsync(fixture.Grains, first.Tenant, first.BusinessManagerId);
        await second.Grain.SetBusinessVerificationAsync(second.Tenant, "verified").Ok();

        // Let the portfolio's one-way word to the first member land first: it would activate it again.
        var numbers = Shared ? fixture.Rules.VerifiedNumberLimit : fixture.Rules.NumberLimit;
        await Eventually.TrueAsync(async () => (await first.ViewAsync()).Limits.Numbers.Max == numbers, "the first member to hear the portfolio");
        await fixture.DeactivateAllAsync(first.Grain, second.Grain, first.Number(firstPhone), second.Number(secondPhone));

        var decision = await first.PermitAsync(firstPhone, Ids.Customer(), MessageKind.Template);

        var expected = Shared ? fixture.Rules.VerifiedTemplateRecipientLimit : fixture.Rules.TemplateRecipientLimit;
        Assert.Equal((true, expected), (decision.Allowed, decision.TemplateRecipients!.Limit));
    }
}

[Collection(ClusterCollection.Name)]
public sealed class PortfolioTemplateLimitDocument(ClusterFixture fixture) : PortfolioTemplateLimit(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class PortfolioTemplateLimitMeta(MetaClusterFixture fixture) : PortfolioTemplateLimit(fixture);
