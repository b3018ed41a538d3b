using WabaActors.Contracts.Accounts;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Accounts;

[Collection(ClusterCollection.Name)]
public class AccountOnboardingSteps(ClusterFixture fixture)
{
    [Fact]
    public async Task RefusesStepOutOfOrderNamingStep1GivenBusinessManagerBeforeEmailConfirmed()
    {
        var account = TestAccount.Fresh(fixture.Grains);
        await account.Grain.CreateAsync(account.Tenant, null).Ok();
        await account.Grain.SubmitEmailAsync(account.Tenant, "ops@acme.example").Ok();

        var failure = await account.Grain
            .SubmitBusinessManagerAsync(account.Tenant, new BusinessManagerRequest(account.BusinessManagerId, true, "Acme s.r.o.", "https://acme.example"))
            .Refused("step_out_of_order");

        Assert.Equal(1, failure.Step);
        var view = await account.ViewAsync();
        Assert.Equal("awaiting_email_confirmation", view.Onboarding.Steps[0].Status);
        Assert.Equal("pending", view.Onboarding.Steps[1].Status);
    }

    [Fact]
    public async Task RefusesStepOutOfOrderAndClaimsNothingGivenNumberBeforeCompanyProfile()
    {
        var account = TestAccount.Fresh(fixture.Grains);
        await account.Grain.CreateAsync(account.Tenant, null).Ok();
        await account.Grain.SubmitEmailAsync(account.Tenant, "ops@acme.example").Ok();
        await account.Grain.ConfirmEmailAsync(account.Tenant).Ok();
        await account.Grain.SubmitBusinessManagerAsync(account.Tenant, new BusinessManagerRequest(account.BusinessManagerId, true, "Acme s.r.o.", "https://acme.example")).Ok();
        var phone = Ids.Phone();

        var failure = await account.AddNumberAsync(phone).Refused("step_out_of_order");

        Assert.Equal(3, failure.Step);
        Assert.Null(await account.Number(phone).GetSimulatedCodeAsync());
        Assert.Equal(0, (await account.ViewAsync()).Limits.Numbers.Used);
    }
}
