using WabaActors.Contracts;
using WabaActors.Contracts.Webhooks;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Accounts;

[Collection(ClusterCollection.Name)]
public class AccountApplyWebhook(ClusterFixture fixture)
{
    private static string Digest() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task AnswersUnknownAccountAndStoresNothingGivenWabaNeverCreated()
    {
        var waba = Ids.Waba();
        var grain = fixture.Grains.GetGrain<IAccountGrain>(waba);

        var result = await grain.ApplyWebhookAsync(new BanWebhook(Digest(), "DISABLE")).Ok();

        Assert.Equal(WebhookResult.UnknownAccount, result);
        Assert.Null(await grain.GetOwnerAsync());
        Assert.Empty(await fixture.History.ReadAsync(waba, 0, 10));
        var tenant = Ids.Tenant();
        Assert.True((await grain.CreateAsync(tenant, null)).Created);
        Assert.Equal(tenant, await grain.GetOwnerAsync());
    }

    [Fact]
    public async Task AppliesOnceGivenSameDigestRedelivered()
    {
        var (account, _) = await TestAccount.LiveAsync(fixture.Grains);
        var change = new BanWebhook(Digest(), "SCHEDULE_FOR_DISABLE");

        var first = await account.Grain.ApplyWebhookAsync(change).Ok();
        var again = await account.Grain.ApplyWebhookAsync(change).Ok();
        var another = await account.Grain.ApplyWebhookAsync(change with { Digest = Digest() }).Ok();

        Assert.Equal((WebhookResult.Applied, WebhookResult.Duplicate, WebhookResult.Applied), (first, again, another));
        Assert.Equal(2, (await account.EventsAsync()).Count(e => e.Type == "ban_scheduled"));
    }

    [Fact]
    public async Task RemembersDigestAcrossReactivation()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var change = new CapabilityWebhook(Digest(), "TIER_10K", null);
        await account.Grain.ApplyWebhookAsync(change).Ok();
        await fixture.DeactivateAllAsync(account.Grain, account.Number(phones[0]));

        var again = await account.Grain.ApplyWebhookAsync(change).Ok();

        Assert.Equal(WebhookResult.Duplicate, again);
        Assert.Equal(10_000, (await account.ViewAsync()).Limits.TemplateRecipients.Limit);
    }

    [Fact]
    public async Task ForgetsDigestAfterRetention()
    {
        var (account, _) = await TestAccount.LiveAsync(fixture.Grains);
        var change = new BanWebhook(Digest(), "SCHEDULE_FOR_DISABLE");
        await account.Grain.ApplyWebhookAsync(change).Ok();
        await fixture.AdvanceAsync(TimeSpan.FromDays(7));

        var later = await account.Grain.ApplyWebhookAsync(change).Ok();

        Assert.Equal(WebhookResult.Applied, later);
    }

    [Fact]
    public async Task PushesGateToNumbersGivenDisable()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var customer = Ids.Customer();
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();
        Assert.True((await account.PermitAsync(phones[0], customer, "session")).Allowed);

        await account.Grain.ApplyWebhookAsync(new BanWebhook(Digest(), "DISABLE")).Ok();
        var denied = await account.PermitAsync(phones[0], customer, "session");

        Assert.Equal("account_blocked", denied.Reason);
        Assert.Equal("blocked", (await account.ViewAsync()).Status);
    }

    [Fact]
    public async Task DecidesDisplayNameThroughTheNumberWithoutDeadlock()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        await account.Number(phones[0]).SetDisplayNameAsync(account.Scope, "Acme Garden").Ok();
        var change = new DisplayNameWebhook(Digest(), phones[0], "DECLINED", "NONE");

        var first = await account.Grain.ApplyWebhookAsync(change).Ok();
        var again = await account.Grain.ApplyWebhookAsync(change).Ok();

        Assert.Equal((WebhookResult.Applied, WebhookResult.Duplicate), (first, again));
        var view = await account.Number(phones[0]).GetAsync(account.Scope).Ok();
        Assert.Equal("rejected", view.DisplayName.Status);
        Assert.Null(view.DisplayName.Reason);
        Assert.Single(await account.EventsAsync(), e => e.Type == "display_name_decided");
    }

    [Fact]
    public async Task RefusesDisplayNameOfNumberNotOnTheAccount()
    {
        var (account, _) = await TestAccount.LiveAsync(fixture.Grains);

        await account.Grain.ApplyWebhookAsync(new DisplayNameWebhook(Digest(), Ids.Phone(), "APPROVED", null)).Refused("not_found");
    }

    [Theory]
    [InlineData("PENDING")]
    [InlineData("DEFERRED")]
    public async Task ChangesNothingGivenReviewStillPending(string decision)
    {
        var (account, _) = await TestAccount.LiveAsync(fixture.Grains);
        var before = await account.EventsAsync();

        var result = await account.Grain.ApplyWebhookAsync(new ReviewWebhook(Digest(), decision)).Ok();

        Assert.Equal(WebhookResult.Unchanged, result);
        Assert.Equal(before, await account.EventsAsync());
        Assert.Equal("pending", (await account.ViewAsync()).CommercePolicyReview.Status);
    }

    [Fact]
    public async Task RefusesUnknownValueAndRemembersNothing()
    {
        var (account, _) = await TestAccount.LiveAsync(fixture.Grains);
        var change = new CapabilityWebhook(Digest(), "TIER_3K", null);

        await account.Grain.ApplyWebhookAsync(change).Refused("validation_failed");
        await account.Grain.ApplyWebhookAsync(change).Refused("validation_failed");
    }
}
