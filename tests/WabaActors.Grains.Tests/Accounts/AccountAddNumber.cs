using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Accounts;

/// <summary>
/// A number belongs to the first account that adds it, across tenants; every added number counts toward
/// the limit (the profile's). Runs under both rule profiles.
/// </summary>
public abstract class AccountAddNumber(ClusterFixture fixture)
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
    public async Task RefusesNumberLimitReachedGivenOneNumberOverTheLimit()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var limit = fixture.Rules.NumberLimit;
        for (var i = 0; i < limit; i++)
        {
            await account.AddNumberAsync(Ids.Phone()).Ok();
        }

        var over = Ids.Phone();

        await account.AddNumberAsync(over).Refused("number_limit_reached");

        Assert.Null(await account.Number(over).GetSimulatedCodeAsync());
        var numbers = (await account.ViewAsync()).Limits.Numbers;
        Assert.Equal((limit, limit), (numbers.Used, numbers.Max));
    }

    [Fact]
    public async Task AcceptsOneNumberOverTheLimitGivenBusinessVerified()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var limit = fixture.Rules.NumberLimit;
        for (var i = 0; i < limit; i++)
        {
            await account.AddNumberAsync(Ids.Phone()).Ok();
        }

        await account.AddNumberAsync(Ids.Phone()).Refused("number_limit_reached");

        var verified = await account.Grain.SetBusinessVerificationAsync(account.Tenant, "verified").Ok();
        var over = await account.AddNumberAsync(Ids.Phone());

        Assert.Equal("verified", verified.BusinessVerification.Status);
        Assert.True(over.Created);
        var view = await account.ViewAsync();
        Assert.Equal((limit + 1, fixture.Rules.VerifiedNumberLimit), (view.Limits.Numbers.Used, view.Limits.Numbers.Max));
        Assert.Equal(fixture.Rules.VerifiedTemplateRecipientLimit, view.Limits.TemplateRecipients.Limit);
    }
}

[Collection(ClusterCollection.Name)]
public sealed class AccountAddNumberDocument(ClusterFixture fixture) : AccountAddNumber(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class AccountAddNumberMeta(MetaClusterFixture fixture) : AccountAddNumber(fixture);
