using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Accounts;

[Collection(ClusterCollection.Name)]
public class AccountCreate(ClusterFixture fixture)
{
    [Fact]
    public async Task CreatesOnboardingAccountGivenNewWabaId()
    {
        var account = TestAccount.Fresh(fixture.Grains);

        var reply = await account.Grain.CreateAsync(account.Tenant, "Acme");

        var view = reply.Ok();
        Assert.True(reply.Created);
        Assert.Equal((account.Tenant, account.Waba, "Acme", "onboarding"), (view.Tenant, view.Waba, view.Name, view.Status));
        Assert.Equal(1, view.Onboarding.Step);
        Assert.Null(view.CommercePolicyReview.Status);
    }

    [Fact]
    public async Task AnswersExistingAccountNotCreatedGivenSameTenantAgain()
    {
        var account = TestAccount.Fresh(fixture.Grains);
        await account.Grain.CreateAsync(account.Tenant, "Acme").Ok();

        var again = await account.Grain.CreateAsync(account.Tenant, "Other name");

        Assert.False(again.Created);
        Assert.Equal("Acme", again.Ok().Name);
    }

    [Fact]
    public async Task RefusesWabaAlreadyOnboardedGivenAnotherTenant()
    {
        var account = TestAccount.Fresh(fixture.Grains);
        await account.Grain.CreateAsync(account.Tenant, "Acme").Ok();
        var intruder = Ids.Tenant();

        var failure = await account.Grain.CreateAsync(intruder, "Mine now").Refused("waba_already_onboarded");

        Assert.DoesNotContain(account.Tenant, failure.Message, StringComparison.Ordinal);
        Assert.Equal(account.Tenant, (await account.ViewAsync()).Tenant);
    }
}
