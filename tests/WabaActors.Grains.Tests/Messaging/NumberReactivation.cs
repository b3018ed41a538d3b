using WabaActors.Contracts;
using WabaActors.Grains.Mapping;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>Windows and grants live in memory and in the store: a deactivated number (and quota) finds them again.</summary>
[Collection(ClusterCollection.Name)]
public class NumberReactivation(ClusterFixture fixture)
{
    [Fact]
    public async Task KeepsWindowsGrantsAndCountsGivenGrainsDeactivated()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var number = account.Number(phones[0]);
        var (customer, sessionId) = (Ids.Customer(), Ids.Message());
        var (recipient, templateId) = (Ids.Customer(), Ids.Message());
        var window = await account.InboundAsync(phones[0], customer, fixture.Now).Ok();
        var session = await account.PermitAsync(phones[0], customer, "session", sessionId);
        var template = await account.PermitAsync(phones[0], recipient, "template", templateId);
        var quota = fixture.Grains.GetGrain<ITemplateQuotaGrain>(QuotaKeys.ForAccount(account.Waba));

        await fixture.DeactivateAllAsync(account.Grain, number, quota);

        Assert.Equal(window, await number.GetWindowAsync(account.Scope, customer).Ok());
        Assert.Equal(session, await account.PermitAsync(phones[0], customer, "session", sessionId));
        Assert.Equal(template, await account.PermitAsync(phones[0], recipient, "template", templateId));
        var view = await account.ViewAsync();
        Assert.Equal(("live", 1), (view.Status, view.Limits.TemplateRecipients.Used));
        Assert.Equal("registered", view.Numbers[0].Status);
    }

    [Fact]
    public async Task KeepsBlockGivenAccountAndNumberDeactivated()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        await account.Grain.DecideCommerceReviewAsync(account.Tenant, new("rejected", null)).Ok();

        await fixture.DeactivateAllAsync(account.Grain, account.Number(phones[0]));

        Assert.Equal("account_blocked", (await account.PermitAsync(phones[0], Ids.Customer(), "template")).Reason);
    }
}
