using WabaActors.Contracts.Messaging;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>A free-form message goes out only inside the customer-service window. Runs under both rule profiles.</summary>
public abstract class NumberRequestSessionPermit(ClusterFixture fixture)
{
    [Fact]
    public async Task AllowsWithWindowExpiryGivenCustomerWroteWithin24Hours()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var customer = Ids.Customer();
        var window = await account.InboundAsync(phones[0], customer, fixture.Now).Ok();
        await fixture.AdvanceAsync(fixture.Rules.ServiceWindow - TimeSpan.FromHours(1));

        var decision = await account.PermitAsync(phones[0], customer, MessageKind.Session);

        Assert.True(decision.Allowed);
        Assert.Equal(window.ExpiresAt, decision.WindowExpiresAt);
        Assert.Null(decision.TemplateRecipients);
    }

    [Fact]
    public async Task DeniesWindowClosedGivenCustomerNeverWrote()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);

        var decision = await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Session);

        Assert.False(decision.Allowed);
        Assert.Equal(DenialReason.CustomerServiceWindowClosed, decision.Reason);
    }

    [Fact]
    public async Task DeniesWindowClosedGiven24HoursPassedSinceCustomerWrote()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var customer = Ids.Customer();
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();
        await fixture.AdvanceAsync(fixture.Rules.ServiceWindow);

        var decision = await account.PermitAsync(phones[0], customer, MessageKind.Session);

        Assert.Equal((false, DenialReason.CustomerServiceWindowClosed), (decision.Allowed, decision.Reason));
        Assert.False((await account.Number(phones[0]).GetWindowAsync(account.Scope, customer).Ok()).Open);
    }

    [Fact]
    public async Task DeniesAccountNotLiveGivenNumberNotYetVerified()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone).Ok();

        var decision = await account.PermitAsync(phone, Ids.Customer(), MessageKind.Session);

        Assert.Equal((false, DenialReason.AccountNotLive), (decision.Allowed, decision.Reason));
    }
}

[Collection(ClusterCollection.Name)]
public sealed class NumberRequestSessionPermitDocument(ClusterFixture fixture) : NumberRequestSessionPermit(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class NumberRequestSessionPermitMeta(MetaClusterFixture fixture) : NumberRequestSessionPermit(fixture);
