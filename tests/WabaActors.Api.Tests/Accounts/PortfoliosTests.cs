using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// the HTTP contract, "Portfolios": a Business Manager id belongs to the first tenant that names it (both
/// profiles); under <c>meta</c> the number limit is the portfolio's, whichever WABA asks.
/// </summary>
public abstract class PortfoliosTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    protected abstract bool Meta { get; }

    /// <summary>Created, step 1 done: step 2 is next.</summary>
    private async Task<TestAccount> AtStep2Async(string? tenant = null)
    {
        var account = TestAccount.Fresh() with { Tenant = tenant ?? Ids.Tenant() };
        await _api.CreatedAsync(account);
        (await _api.Post(account.Path + "/onboarding/user-account", Onboarding.Email)).Ok();
        (await _api.Post(account.Path + "/onboarding/user-account/confirmation")).Ok();
        return account;
    }

    /// <summary>Steps 1–3 done with step 2 naming <paramref name="businessManagerId"/>.</summary>
    private async Task<TestAccount> MemberAsync(string tenant, string businessManagerId)
    {
        var account = await AtStep2Async(tenant);
        (await _api.Post(account.Path + "/onboarding/business-manager", Onboarding.BusinessManagerNamed(businessManagerId))).Ok();
        (await _api.Post(account.Path + "/onboarding/company-profile", Onboarding.CompanyProfile)).Ok();
        return account;
    }

    [Fact]
    public async Task AnotherTenantNamingAClaimedBusinessManagerIdIs409BusinessManagerClaimedAndChangesNothing()
    {
        var businessManagerId = Ids.BusinessManager();
        var owner = await MemberAsync(Ids.Tenant(), businessManagerId);
        var stranger = await AtStep2Async();
        var before = await _api.Snapshot(stranger);

        var problem = (await _api.Post(stranger.Path + "/onboarding/business-manager", Onboarding.BusinessManagerNamed(businessManagerId)))
            .Problem(HttpStatusCode.Conflict, "business_manager_claimed");

        Assert.DoesNotContain(owner.Tenant, problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(before, await _api.Snapshot(stranger));
        (await _api.Post(stranger.Path + "/onboarding/business-manager", Onboarding.BusinessManager)).Ok();
        var sibling = await MemberAsync(owner.Tenant, businessManagerId);
        Assert.Equal("done", (await _api.Get(sibling.Path)).Ok().Str("onboarding.steps[1].status"));
    }

    [Fact]
    public async Task ReclaimingTheIdAfterTheOwnerMovedAwayIsStill409()
    {
        var businessManagerId = Ids.BusinessManager();
        var owner = await MemberAsync(Ids.Tenant(), businessManagerId);
        (await _api.Post(owner.Path + "/onboarding/business-manager", Onboarding.BusinessManager)).Ok();
        var stranger = await AtStep2Async();

        (await _api.Post(stranger.Path + "/onboarding/business-manager", Onboarding.BusinessManagerNamed(businessManagerId)))
            .Problem(HttpStatusCode.Conflict, "business_manager_claimed");
    }

    [Fact]
    [Trait("Rule", "numbers-per-waba")]
    public async Task TheSecondWabaOfAPortfolioAddsNumbersOnlyWithinThePortfoliosLimitUnderMeta()
    {
        var tenant = Ids.Tenant();
        var businessManagerId = Ids.BusinessManager();
        var first = await MemberAsync(tenant, businessManagerId);
        var second = await MemberAsync(tenant, businessManagerId);
        (await _api.AddNumber(first, Ids.Phone())).Created();
        (await _api.AddNumber(first, Ids.Phone())).Created();
        // The portfolio tells its other members the new count one-way: wait for it to settle first.
        var counted = Meta ? 2 : 0;
        await Eventually.Until(async () => (await _api.Get(second.Path)).Ok().Int("limits.numbers.used") == counted,
            TimeSpan.FromSeconds(30), "the second member to show the portfolio's count");
        var before = await _api.Snapshot(second);

        var third = await _api.AddNumber(second, second.Phone);

        if (Meta)
        {
            third.Problem(HttpStatusCode.Conflict, "number_limit_reached");
            Assert.Equal(before, await _api.Snapshot(second));
            (await _api.Get(second.Number)).Problem(HttpStatusCode.NotFound, "not_found");
            var view = (await _api.Get(second.Path)).Ok();
            Assert.Equal((2, 2), (view.Int("limits.numbers.used"), view.Int("limits.numbers.max")));
        }
        else
        {
            third.Created();
            var view = (await _api.Get(second.Path)).Ok();
            Assert.Equal((1, 2), (view.Int("limits.numbers.used"), view.Int("limits.numbers.max")));
        }
    }
}

[Collection(ApiCollection.Name)]
public sealed class PortfoliosDocumentTests(ApiFixture fixture) : PortfoliosTests(fixture)
{
    protected override bool Meta => false;
}

[Collection(MetaApiCollection.Name)]
public sealed class PortfoliosMetaTests(MetaApiFixture fixture) : PortfoliosTests(fixture)
{
    protected override bool Meta => true;
}
