using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Accounts;

[Collection(ClusterCollection.Name)]
public class AccountGet(ClusterFixture fixture)
{
    [Fact]
    public async Task AnswersNotFoundGivenAnotherTenant()
    {
        var account = TestAccount.Fresh(fixture.Grains);
        await account.Grain.CreateAsync(account.Tenant, null).Ok();

        await account.Grain.GetAsync(Ids.Tenant()).Refused("not_found");
        await account.Grain.GetEventsAsync(Ids.Tenant(), 0, 100).Refused("not_found");
    }

    [Fact]
    public async Task AnswersNotFoundGivenNeverCreated()
    {
        var account = TestAccount.Fresh(fixture.Grains);

        await account.Grain.GetAsync(account.Tenant).Refused("not_found");
    }
}
