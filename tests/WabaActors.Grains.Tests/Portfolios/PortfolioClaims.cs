using System.Text.Json;
using WabaActors.Contracts.Accounts;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Portfolios;

/// <summary>
/// A Business Manager id belongs to the first tenant that names it (the HTTP contract, "Portfolios"): a
/// security rule, so it holds under both rule profiles.
/// </summary>
public abstract class PortfolioClaims(ClusterFixture fixture)
{
    private static BusinessManagerRequest Step2(string businessManagerId) => new(businessManagerId, true, "Acme s.r.o.", "https://acme.example");

    [Fact]
    [Trait("Rule", "business-manager-claim")]
    public async Task RefusesBusinessManagerClaimedAndChangesNothingGivenAnotherTenantsId()
    {
        var owner = await TestAccount.OnboardedAsync(fixture.Grains);
        var stranger = TestAccount.Fresh(fixture.Grains);
        await stranger.Grain.CreateAsync(stranger.Tenant, "Evil").Ok();
        await stranger.Grain.SubmitEmailAsync(stranger.Tenant, "ops@evil.example").Ok();
        await stranger.Grain.ConfirmEmailAsync(stranger.Tenant).Ok();
        var before = await stranger.ViewAsync();
        var eventsBefore = await stranger.EventsAsync();

        var failure = await stranger.Grain.SubmitBusinessManagerAsync(stranger.Tenant, Step2(owner.BusinessManagerId)).Refused("business_manager_claimed");

        Assert.DoesNotContain(owner.Tenant, failure.Message, StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await stranger.ViewAsync()));
        Assert.Equal(eventsBefore, await stranger.EventsAsync());
        var portfolio = await fixture.Grains.PortfolioAsync(owner.BusinessManagerId);
        Assert.Equal(owner.Tenant, portfolio.Owner);
        Assert.Equal([owner.Waba], portfolio.Members);
    }

    [Fact]
    [Trait("Rule", "business-manager-claim")]
    public async Task LetsTheTenantNameItForSeveralOfItsWabas()
    {
        var first = await TestAccount.OnboardedAsync(fixture.Grains);
        var second = await PortfolioMembers.OnboardedAsync(fixture.Grains, first.Tenant, first.BusinessManagerId);

        var portfolio = await fixture.Grains.PortfolioAsync(first.BusinessManagerId);

        Assert.Equal(first.Tenant, portfolio.Owner);
        Assert.Equal([first.Waba, second.Waba], portfolio.Members);
        Assert.Equal("done", (await second.ViewAsync()).Onboarding.Steps[1].Status);
    }

    [Fact]
    [Trait("Rule", "business-manager-claim")]
    public async Task MovesTheMembershipAndKeepsBothClaimsGivenStep2ResubmittedWithAnotherId()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        await account.AddNumberAsync(Ids.Phone()).Ok();
        var other = Ids.BusinessManager();

        await account.Grain.SubmitBusinessManagerAsync(account.Tenant, Step2(other)).Ok();

        var left = await fixture.Grains.PortfolioAsync(account.BusinessManagerId);
        var joined = await fixture.Grains.PortfolioAsync(other);
        Assert.Equal((account.Tenant, 0, 0), (left.Owner, left.Members.Count, left.Limits.NumbersUsed));
        Assert.Equal((account.Tenant, 1, 1), (joined.Owner, joined.Members.Count, joined.Limits.NumbersUsed));
        var stranger = await TestAccount.OnboardedAsync(fixture.Grains);
        await stranger.Grain.SubmitBusinessManagerAsync(stranger.Tenant, Step2(account.BusinessManagerId)).Refused("business_manager_claimed");
    }

    [Fact]
    [Trait("Rule", "business-manager-claim")]
    public async Task ClaimsNothingGivenStep2RefusedForAnotherReason()
    {
        var account = TestAccount.Fresh(fixture.Grains);
        await account.Grain.CreateAsync(account.Tenant, null).Ok();
        var unclaimed = Ids.BusinessManager();

        await account.Grain.SubmitBusinessManagerAsync(account.Tenant, Step2(unclaimed)).Refused("step_out_of_order");
        await account.Grain.SubmitEmailAsync(account.Tenant, "ops@acme.example").Ok();
        await account.Grain.ConfirmEmailAsync(account.Tenant).Ok();
        await account.Grain.SubmitBusinessManagerAsync(account.Tenant, Step2(unclaimed) with { IsAdmin = false }).Refused("not_business_manager_admin");
        await account.Grain.SubmitBusinessManagerAsync(account.Tenant, Step2(unclaimed) with { Website = "ftp://acme" }).Refused("validation_failed");

        Assert.Null((await fixture.Grains.PortfolioAsync(unclaimed)).Owner);
    }

    [Fact]
    [Trait("Rule", "business-manager-claim")]
    public async Task AnswersOnboardingCompletedNotTheClaimGivenALiveAccount()
    {
        var owner = await TestAccount.OnboardedAsync(fixture.Grains);
        var (live, _) = await TestAccount.LiveAsync(fixture.Grains);

        await live.Grain.SubmitBusinessManagerAsync(live.Tenant, Step2(owner.BusinessManagerId)).Refused("onboarding_completed");
    }

    [Fact]
    [Trait("Rule", "business-manager-claim")]
    public async Task KeepsTheClaimAcrossReactivation()
    {
        var owner = await TestAccount.OnboardedAsync(fixture.Grains);
        var portfolio = fixture.Grains.GetGrain<Contracts.IPortfolioGrain>(owner.BusinessManagerId);
        await portfolio.GetAsync();
        await fixture.DeactivateAllAsync(portfolio, owner.Grain);

        var stranger = await TestAccount.OnboardedAsync(fixture.Grains);
        await stranger.Grain.SubmitBusinessManagerAsync(stranger.Tenant, Step2(owner.BusinessManagerId)).Refused("business_manager_claimed");
        Assert.Equal([owner.Waba], (await portfolio.GetAsync()).Members);
    }
}

[Collection(ClusterCollection.Name)]
public sealed class PortfolioClaimsDocument(ClusterFixture fixture) : PortfolioClaims(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class PortfolioClaimsMeta(MetaClusterFixture fixture) : PortfolioClaims(fixture);
