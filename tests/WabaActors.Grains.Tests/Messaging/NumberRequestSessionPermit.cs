using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

[Collection(ClusterCollection.Name)]
public class NumberRequestSessionPermit(ClusterFixture fixture)
{
    [Fact]
    public async Task AllowsWithWindowExpiryGivenCustomerWroteWithin24Hours()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var customer = Ids.Customer();
        var window = await account.InboundAsync(phones[0], customer, fixture.Now).Ok();
        await fixture.AdvanceAsync(TimeSpan.FromHours(23));

        var decision = await account.PermitAsync(phones[0], customer, "session");

        Assert.True(decision.Allowed);
        Assert.Equal(window.ExpiresAt, decision.WindowExpiresAt);
        Assert.Null(decision.TemplateRecipients);
    }

    [Fact]
    public async Task DeniesWindowClosedGivenCustomerNeverWrote()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);

        var decision = await account.PermitAsync(phones[0], Ids.Customer(), "session");

        Assert.False(decision.Allowed);
        Assert.Equal("customer_service_window_closed", decision.Reason);
    }

    [Fact]
    public async Task DeniesWindowClosedGiven24HoursPassedSinceCustomerWrote()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var customer = Ids.Customer();
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();
        await fixture.AdvanceAsync(TimeSpan.FromHours(24));

        var decision = await account.PermitAsync(phones[0], customer, "session");

        Assert.Equal((false, "customer_service_window_closed"), (decision.Allowed, decision.Reason));
        Assert.False((await account.Number(phones[0]).GetWindowAsync(account.Scope, customer).Ok()).Open);
    }

    [Fact]
    public async Task DeniesAccountNotLiveGivenNumberNotYetVerified()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone).Ok();

        var decision = await account.PermitAsync(phone, Ids.Customer(), "session");

        Assert.Equal((false, "account_not_live"), (decision.Allowed, decision.Reason));
    }
}
