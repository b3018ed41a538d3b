using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>docs/api.md "Authentication and tenant scoping": a batch of permits needs the same key as a single permit.</summary>
[Collection(SecuredApiCollection.Name)]
public class PermitBatchAuthTests(SecuredApiFixture fixture)
{
    [Fact]
    public async Task BatchIsRefusedAsTheSinglePermitWithoutAKeyOrWithAnotherTenantsKey()
    {
        var account = TestAccount.Fresh() with { Tenant = Keys.A };
        var permit = new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() };

        foreach (var (client, status) in new[] { (fixture.NewClient(), HttpStatusCode.Unauthorized), (fixture.NewClient(Keys.OfB), HttpStatusCode.Forbidden) })
        {
            var single = await client.Post(account.Number + "/permits", permit);
            var batch = await client.Post(account.Number + "/permits/batch", new { permits = new[] { permit } });

            Assert.Equal(status, batch.Status);
            Assert.Equal(single.Normalized(), batch.Normalized());
        }

        (await fixture.NewClient(Keys.OfA).Post(account.Number + "/permits/batch", new { permits = new[] { permit } })).Problem(HttpStatusCode.NotFound, "not_found");
    }
}
