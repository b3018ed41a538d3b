using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

[Collection(ClusterCollection.Name)]
public class NumberRequestTemplatePermit(ClusterFixture fixture)
{
    [Fact]
    public async Task AllowsAndCountsOneRecipientGivenNoOpenWindow()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);

        var decision = await account.PermitAsync(phones[0], Ids.Customer(), "template");

        Assert.True(decision.Allowed);
        Assert.Equal((1, 50), (decision.TemplateRecipients!.Used, decision.TemplateRecipients.Limit));
        Assert.Null(decision.WindowExpiresAt);
        Assert.Equal(1, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }

    [Fact]
    public async Task AllowsWithoutCountingGivenOpenWindow()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var customer = Ids.Customer();
        var window = await account.InboundAsync(phones[0], customer, fixture.Now).Ok();

        var decision = await account.PermitAsync(phones[0], customer, "template");

        Assert.Equal((true, window.ExpiresAt), (decision.Allowed, decision.WindowExpiresAt));
        Assert.Equal(0, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }

    [Fact]
    public async Task DeniesUntilOldestRecipientLeaves24HoursGiven50RecipientsCounted()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains, numbers: 2);
        var firstAt = fixture.Now;
        Assert.True((await account.PermitAsync(phones[0], Ids.Customer(), "template")).Allowed);
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(5));
        for (var i = 1; i < 50; i++)
        {
            var granted = await account.PermitAsync(phones[i % 2], Ids.Customer(), "template");
            Assert.True(granted.Allowed, $"recipient {i + 1} was denied: {granted.Reason}");
        }

        var denied = await account.PermitAsync(phones[1], Ids.Customer(), "template");

        Assert.Equal((false, "template_recipient_limit_reached"), (denied.Allowed, denied.Reason));
        Assert.Equal(firstAt.AddHours(24), denied.RetryAt);
        var usage = (await account.ViewAsync()).Limits.TemplateRecipients;
        Assert.Equal((50, 50, firstAt.AddHours(24)), (usage.Used, usage.Limit, usage.NextSlotAt));
    }

    [Fact]
    public async Task AllowsAgainGivenOldestRecipientLeft24Hours()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        for (var i = 0; i < 50; i++)
        {
            Assert.True((await account.PermitAsync(phones[0], Ids.Customer(), "template")).Allowed);
        }

        Assert.False((await account.PermitAsync(phones[0], Ids.Customer(), "template")).Allowed);
        await fixture.AdvanceAsync(TimeSpan.FromHours(24));

        Assert.True((await account.PermitAsync(phones[0], Ids.Customer(), "template")).Allowed);
    }
}
