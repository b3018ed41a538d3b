using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>A customer's message opens the customer-service window. Runs under both rule profiles.</summary>
public abstract class NumberRecordInbound(ClusterFixture fixture)
{
    [Fact]
    public async Task OpensWindowUntilTimestampPlus24HoursGivenCustomerMessage()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var customer = Ids.Customer();
        var sentAt = fixture.Now.AddMinutes(-30);

        var window = await account.InboundAsync(phones[0], customer, sentAt).Ok();

        Assert.Equal((true, sentAt + fixture.Rules.ServiceWindow), (window.Open, window.ExpiresAt));
        Assert.Equal(window, await account.Number(phones[0]).GetWindowAsync(account.Scope, customer).Ok());
    }

    [Fact]
    public async Task RefusesTimestampInFutureGivenMoreThan5MinutesAhead()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var tolerance = fixture.Rules.FutureTimestampTolerance;

        await account.InboundAsync(phones[0], Ids.Customer(), fixture.Now + tolerance + TimeSpan.FromMinutes(1)).Refused("timestamp_in_future");
        await account.InboundAsync(phones[0], Ids.Customer(), fixture.Now + tolerance).Ok();
    }

    [Fact]
    public async Task AnswersNotFoundGivenAnotherAccountsScope()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var stranger = account with { Tenant = Ids.Tenant() };

        await stranger.InboundAsync(phones[0], Ids.Customer(), fixture.Now).Refused("not_found");
    }
}

[Collection(ClusterCollection.Name)]
public sealed class NumberRecordInboundDocument(ClusterFixture fixture) : NumberRecordInbound(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class NumberRecordInboundMeta(MetaClusterFixture fixture) : NumberRecordInbound(fixture);
