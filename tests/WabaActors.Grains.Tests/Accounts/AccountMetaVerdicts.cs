using WabaActors.Contracts.Messaging;
using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Webhooks;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Accounts;

/// <summary>
/// Meta's verdicts through the account grain, under both rule profiles: kept before go-live, the
/// last decision wins, disconnection reaches the numbers' gate, display names adopted — and all of
/// it survives reactivation.
/// </summary>
public abstract class AccountMetaVerdicts(ClusterFixture fixture)
{
    private static string Digest(string value) => "digest-" + value;

    private static ReviewWebhook Review(string decision) => new(Digest(decision), decision);

    private async Task ApproveAsync(TestAccount account) =>
        await account.Grain.DecideCommerceReviewAsync(account.Tenant, new ReviewDecisionRequest("approved", null)).Ok();

    [Fact]
    public async Task ReviewRejectedBeforeGoLiveBlocksEveryNumberFromGoLive()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);

        Assert.Equal(WebhookResult.Applied, await account.Grain.ApplyWebhookAsync(Review("REJECTED")).Ok());
        await fixture.DeactivateAllAsync(account.Grain);
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone).Ok();
        await account.RegisterAsync(phone);

        var view = await account.ViewAsync();
        Assert.Equal("blocked", view.Status);
        Assert.Contains(view.Holds, h => h.Reason == "commerce_review_rejected");
        Assert.Equal(DenialReason.AccountBlocked, (await account.PermitAsync(phone, Ids.Customer(), MessageKind.Template)).Reason);
    }

    [Fact]
    public async Task RejectedApprovedRejectedBlocksWhateverDigestsWereSeen()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);

        var results = new List<WebhookResult>();
        foreach (var decision in new[] { "REJECTED", "REJECTED", "APPROVED", "REJECTED" })
        {
            results.Add(await account.Grain.ApplyWebhookAsync(Review(decision)).Ok());
        }

        Assert.Equal([WebhookResult.Applied, WebhookResult.Duplicate, WebhookResult.Applied, WebhookResult.Applied], results);
        Assert.Equal("blocked", (await account.ViewAsync()).Status);
        Assert.Equal(DenialReason.AccountBlocked, (await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Session)).Reason);
    }

    [Fact]
    public async Task DisconnectionReachesTheNumbersAndSurvivesReactivation()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        await ApproveAsync(account);
        var customer = Ids.Customer();
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();

        Assert.Equal(WebhookResult.Applied,
            await account.Grain.ApplyWebhookAsync(new AccountEventWebhook(Digest("gone"), "ACCOUNT_OFFBOARDED", "ACCOUNT_DISCONNECTED")).Ok());
        await fixture.DeactivateAllAsync(account.Grain, account.Number(phones[0]));

        Assert.Equal("disconnected", (await account.ViewAsync()).Status);
        Assert.Equal(DenialReason.AccountDisconnected, (await account.PermitAsync(phones[0], customer, MessageKind.Session)).Reason);

        Assert.Equal(WebhookResult.Applied,
            await account.Grain.ApplyWebhookAsync(new AccountEventWebhook(Digest("back"), "ACCOUNT_RECONNECTED", null)).Ok());

        Assert.True((await account.PermitAsync(phones[0], customer, MessageKind.Session)).Allowed);
        Assert.Empty((await account.ViewAsync()).Holds);
    }

    [Fact]
    public async Task DisplayNameDecisionAdoptsMetasNameAndARedeliveryIsADuplicate()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var change = new DisplayNameWebhook(Digest("name"), phones[0], "APPROVED", null) { RequestedName = "Lucky Shrub" };

        var first = await account.Grain.ApplyWebhookAsync(change).Ok();
        await fixture.DeactivateAllAsync(account.Grain, account.Number(phones[0]));
        var again = await account.Grain.ApplyWebhookAsync(change).Ok();

        Assert.Equal((WebhookResult.Applied, WebhookResult.Duplicate), (first, again));
        var number = await account.Number(phones[0]).GetAsync(account.Scope).Ok();
        Assert.Equal(("Lucky Shrub", "approved"), (number.DisplayName.Name, number.DisplayName.Status));
        Assert.Single(await account.EventsAsync(), e => e.Type == "display_name_decided");
    }

    [Fact]
    public async Task UnknownAccountUpdateEventIsRefusedAndStoresNothing()
    {
        var (account, _) = await TestAccount.LiveAsync(fixture.Grains);
        var before = await account.EventsAsync();

        (await account.Grain.ApplyWebhookAsync(new AccountEventWebhook(Digest("x"), "SOMETHING_NEW", null))).Refused("validation_failed");

        Assert.Equal(before.Count, (await account.EventsAsync()).Count);
    }
}

[Collection(ClusterCollection.Name)]
public sealed class AccountMetaVerdictsDocument(ClusterFixture fixture) : AccountMetaVerdicts(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class AccountMetaVerdictsMeta(MetaClusterFixture fixture) : AccountMetaVerdicts(fixture);
