using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

[Collection(ClusterCollection.Name)]
public class NumberRecordInbound(ClusterFixture fixture)
{
    [Fact]
    public async Task OpensWindowUntilTimestampPlus24HoursGivenCustomerMessage()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var customer = Ids.Customer();
        var sentAt = fixture.Now.AddMinutes(-30);

        var window = await account.InboundAsync(phones[0], customer, sentAt).Ok();

        Assert.Equal((true, sentAt.AddHours(24)), (window.Open, window.ExpiresAt));
        Assert.Equal(window, await account.Number(phones[0]).GetWindowAsync(account.Scope, customer).Ok());
    }

    [Fact]
    public async Task RefusesTimestampInFutureGivenMoreThan5MinutesAhead()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);

        await account.InboundAsync(phones[0], Ids.Customer(), fixture.Now.AddMinutes(6)).Refused("timestamp_in_future");
    }

    [Fact]
    public async Task AnswersNotFoundGivenAnotherAccountsScope()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var stranger = account with { Tenant = Ids.Tenant() };

        await stranger.InboundAsync(phones[0], Ids.Customer(), fixture.Now).Refused("not_found");
    }
}
