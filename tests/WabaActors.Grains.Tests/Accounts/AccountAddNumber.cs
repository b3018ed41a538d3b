using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Accounts;

/// <summary>A number belongs to the first account that adds it, across tenants; every added number counts toward the limit.</summary>
[Collection(ClusterCollection.Name)]
public class AccountAddNumber(ClusterFixture fixture)
{
    [Fact]
    public async Task RefusesNumberAlreadyRegisteredGivenPhoneOfAnotherTenantsAccount()
    {
        var first = await TestAccount.OnboardedAsync(fixture.Grains);
        var other = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        await first.AddNumberAsync(phone).Ok();
        var code = await first.Number(phone).GetSimulatedCodeAsync();

        await other.AddNumberAsync(phone).Refused("number_already_registered");

        Assert.Equal(0, (await other.ViewAsync()).Limits.Numbers.Used);
        Assert.Equal(code, await first.Number(phone).GetSimulatedCodeAsync());
        await other.Number(phone).GetAsync(other.Scope).Refused("not_found");
    }

    [Fact]
    public async Task RefusesNumberAlreadyRegisteredGivenRegisteredPhoneOfAnotherAccount()
    {
        var (first, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var other = await TestAccount.OnboardedAsync(fixture.Grains, first.Tenant);

        await other.AddNumberAsync(phones[0]).Refused("number_already_registered");

        Assert.Equal(0, (await other.ViewAsync()).Limits.Numbers.Used);
    }

    [Fact]
    public async Task AnswersExistingNumberWithoutNewCodeGivenSamePhoneAddedAgain()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        var added = await account.AddNumberAsync(phone).Ok();
        var code = await account.Number(phone).GetSimulatedCodeAsync();
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(2));

        var again = await account.AddNumberAsync(phone);

        Assert.False(again.Created);
        Assert.Equal(added, again.Ok());
        Assert.Equal(code, await account.Number(phone).GetSimulatedCodeAsync());
        Assert.Single(await account.EventsAsync(), e => e.Type == "verification_code_sent");
        Assert.Equal(1, (await account.ViewAsync()).Limits.Numbers.Used);
    }

    [Fact]
    public async Task RefusesNumberLimitReachedGivenThirdNumber()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        await account.AddNumberAsync(Ids.Phone()).Ok();
        await account.AddNumberAsync(Ids.Phone()).Ok();
        var third = Ids.Phone();

        await account.AddNumberAsync(third).Refused("number_limit_reached");

        Assert.Null(await account.Number(third).GetSimulatedCodeAsync());
        var numbers = (await account.ViewAsync()).Limits.Numbers;
        Assert.Equal((2, 2), (numbers.Used, numbers.Max));
    }

    [Fact]
    public async Task AcceptsThirdNumberGivenBusinessVerified()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        await account.AddNumberAsync(Ids.Phone()).Ok();
        await account.AddNumberAsync(Ids.Phone()).Ok();
        await account.AddNumberAsync(Ids.Phone()).Refused("number_limit_reached");

        var verified = await account.Grain.SetBusinessVerificationAsync(account.Tenant, "verified").Ok();
        var third = await account.AddNumberAsync(Ids.Phone());

        Assert.Equal("verified", verified.BusinessVerification.Status);
        Assert.True(third.Created);
        var view = await account.ViewAsync();
        Assert.Equal((3, 20), (view.Limits.Numbers.Used, view.Limits.Numbers.Max));
        Assert.Equal(1000, view.Limits.TemplateRecipients.Limit);
    }
}
