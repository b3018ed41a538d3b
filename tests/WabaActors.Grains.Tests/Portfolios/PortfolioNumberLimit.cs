using WabaActors.Domain.Rules;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Portfolios;

/// <summary>
/// Under <c>meta</c> the number limit is the portfolio's, counted across its WABAs whichever asks; under
/// <c>document</c> each account keeps its own. Every test runs under both profiles and expects each one's rule.
/// </summary>
public abstract class PortfolioNumberLimit(ClusterFixture fixture)
{
    private bool Shared => fixture.Rules.NumberLimitScope == QuotaScope.Portfolio;

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public async Task CountsTheNumbersOfEveryWabaOfThePortfolioUnderMetaOnly()
    {
        var first = await TestAccount.OnboardedAsync(fixture.Grains);
        var second = await PortfolioMembers.OnboardedAsync(fixture.Grains, first.Tenant, first.BusinessManagerId);
        await first.AddNumberAsync(Ids.Phone()).Ok();
        await first.AddNumberAsync(Ids.Phone()).Ok();

        var third = await second.AddNumberAsync(Ids.Phone());

        if (Shared)
        {
            Assert.Contains("2 of 2", third.Refused("number_limit_reached").Message, StringComparison.Ordinal);
            Assert.Equal(2, (await fixture.Grains.PortfolioAsync(first.BusinessManagerId)).Limits.NumbersUsed);
            Assert.Empty((await second.ViewAsync()).Numbers);

            // The portfolio told the second member its count one-way, when the first added its numbers.
            var view = await Eventually.GetAsync(second.ViewAsync, v => v.Limits.Numbers.Used == 2, "the second member's view to show the count");
            Assert.Equal(2, view.Limits.Numbers.Max);
        }
        else
        {
            third.Ok();
            var view = await second.ViewAsync();
            Assert.Equal((1, 2), (view.Limits.Numbers.Used, view.Limits.Numbers.Max));
        }
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public async Task ShowsThePortfoliosCountInEveryMembersViewUnderMeta()
    {
        var first = await TestAccount.OnboardedAsync(fixture.Grains);
        var second = await PortfolioMembers.OnboardedAsync(fixture.Grains, first.Tenant, first.BusinessManagerId);

        await first.AddNumberAsync(Ids.Phone()).Ok();

        Assert.Equal(1, (await first.ViewAsync()).Limits.Numbers.Used);
        var expected = Shared ? 1 : 0;
        await Eventually.TrueAsync(async () => (await second.ViewAsync()).Limits.Numbers.Used == expected, "the second member's view to show the count");
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public async Task FreesTheSlotGivenTheNumberBelongsToAnotherAccount()
    {
        var first = await TestAccount.OnboardedAsync(fixture.Grains);
        var second = await PortfolioMembers.OnboardedAsync(fixture.Grains, first.Tenant, first.BusinessManagerId);
        var stranger = await TestAccount.OnboardedAsync(fixture.Grains);
        var taken = Ids.Phone();
        await stranger.AddNumberAsync(taken).Ok();
        await first.AddNumberAsync(Ids.Phone()).Ok();

        await second.AddNumberAsync(taken).Refused("number_already_registered");

        if (Shared)
        {
            Assert.Equal(1, (await fixture.Grains.PortfolioAsync(first.BusinessManagerId)).Limits.NumbersUsed);
        }

        await second.AddNumberAsync(Ids.Phone()).Ok();
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public async Task NeverPassesTheLimitGivenManyConcurrentAdditionsAcrossTwoWabas()
    {
        var first = await TestAccount.OnboardedAsync(fixture.Grains);
        var second = await PortfolioMembers.OnboardedAsync(fixture.Grains, first.Tenant, first.BusinessManagerId);

        var attempts = Enumerable.Range(0, 24).Select(i => (i % 2 == 0 ? first : second).AddNumberAsync(Ids.Phone()).AsTask());
        var replies = await Task.WhenAll(attempts);

        Assert.All(replies.Where(r => !r.IsSuccess), r => Assert.Equal("number_limit_reached", r.Failure!.Code));
        var added = (await first.ViewAsync()).Numbers.Count + (await second.ViewAsync()).Numbers.Count;
        var limit = fixture.Rules.NumberLimit;
        Assert.Equal(Shared ? limit : 2 * limit, added);
        Assert.Equal(added, replies.Count(r => r.IsSuccess));
        if (Shared)
        {
            Assert.Equal(added, (await fixture.Grains.PortfolioAsync(first.BusinessManagerId)).Limits.NumbersUsed);
        }
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public async Task RefusesAWabaThatWouldBringThePortfolioPastItsLimitUnderMeta()
    {
        var first = await TestAccount.OnboardedAsync(fixture.Grains);
        await first.AddNumberAsync(Ids.Phone()).Ok();
        var mover = await TestAccount.OnboardedAsync(fixture.Grains, first.Tenant);
        await mover.AddNumberAsync(Ids.Phone()).Ok();
        await mover.AddNumberAsync(Ids.Phone()).Ok();

        var moved = await mover.Grain.SubmitBusinessManagerAsync(mover.Tenant,
            new Contracts.Accounts.BusinessManagerRequest(first.BusinessManagerId, true, "Acme s.r.o.", "https://acme.example"));

        if (Shared)
        {
            moved.Refused("number_limit_reached");
            Assert.Equal([first.Waba], (await fixture.Grains.PortfolioAsync(first.BusinessManagerId)).Members);
            Assert.Equal([mover.Waba], (await fixture.Grains.PortfolioAsync(mover.BusinessManagerId)).Members);
        }
        else
        {
            moved.Ok();
            Assert.Equal([first.Waba, mover.Waba], (await fixture.Grains.PortfolioAsync(first.BusinessManagerId)).Members);
        }
    }
}

[Collection(ClusterCollection.Name)]
public sealed class PortfolioNumberLimitDocument(ClusterFixture fixture) : PortfolioNumberLimit(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class PortfolioNumberLimitMeta(MetaClusterFixture fixture) : PortfolioNumberLimit(fixture);
