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

        var again = await account.Grain.CreateAsync(account.Tenant, "Acme");
        var unnamed = await account.Grain.CreateAsync(account.Tenant, null);

        Assert.False(again.Created);
        Assert.Equal("Acme", again.Ok().Name);
        Assert.Equal("Acme", unnamed.Ok().Name);
        Assert.Equal(["account_created"], (await account.Grain.GetEventsAsync(account.Tenant, 0, 100)).Ok().Events.Select(e => e.Type));
    }

    [Fact]
    public async Task RenamesTheExistingAccountGivenSameTenantAndANewName()
    {
        var account = TestAccount.Fresh(fixture.Grains);
        await account.Grain.CreateAsync(account.Tenant, "Acme").Ok();

        var again = await account.Grain.CreateAsync(account.Tenant, "Other name");

        Assert.False(again.Created);
        Assert.Equal("Other name", again.Ok().Name);
        Assert.Equal("Other name", (await account.ViewAsync()).Name);
        var renamed = (await account.Grain.GetEventsAsync(account.Tenant, 0, 100)).Ok().Events[^1];
        Assert.Equal(("account_renamed", "Other name"), (renamed.Type, renamed.Value));
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
