using WabaActors.Contracts.Accounts;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>The commerce-review decision reaches the numbers (the gate push): rejected blocks every send, approved unblocks.</summary>
[Collection(ClusterCollection.Name)]
public class NumberRequestPermitBlocked(ClusterFixture fixture)
{
    [Fact]
    public async Task DeniesAccountBlockedGivenCommerceReviewRejected()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains, numbers: 2);
        var customer = Ids.Customer();
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();
        Assert.True((await account.PermitAsync(phones[0], customer, "session")).Allowed);
        Assert.True((await account.PermitAsync(phones[1], Ids.Customer(), "template")).Allowed);

        var view = await account.Grain.DecideCommerceReviewAsync(account.Tenant, new ReviewDecisionRequest("rejected", "Sells tobacco")).Ok();

        Assert.Equal("blocked", view.Status);
        var session = await account.PermitAsync(phones[0], customer, "session");
        var template = await account.PermitAsync(phones[1], Ids.Customer(), "template");
        Assert.Equal((false, "account_blocked"), (session.Allowed, session.Reason));
        Assert.Equal((false, "account_blocked"), (template.Allowed, template.Reason));
        Assert.Equal(["commerce_review_decided", "account_blocked"], (await account.EventsAsync()).TakeLast(2).Select(e => e.Type));
    }

    [Fact]
    public async Task AllowsAgainGivenReviewApprovedAfterRejection()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        await account.Grain.DecideCommerceReviewAsync(account.Tenant, new ReviewDecisionRequest("rejected", null)).Ok();
        Assert.Equal("account_blocked", (await account.PermitAsync(phones[0], Ids.Customer(), "template")).Reason);

        var view = await account.Grain.DecideCommerceReviewAsync(account.Tenant, new ReviewDecisionRequest("approved", null)).Ok();

        Assert.Equal(("live", "approved"), (view.Status, view.CommercePolicyReview.Status));
        Assert.True((await account.PermitAsync(phones[0], Ids.Customer(), "template")).Allowed);
        Assert.Equal("account_unblocked", (await account.EventsAsync())[^1].Type);
    }

    [Fact]
    public async Task ReplaysEarlierGrantGivenAccountBlockedSince()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var (customer, messageId) = (Ids.Customer(), Ids.Message());
        var granted = await account.PermitAsync(phones[0], customer, "template", messageId);
        await account.Grain.DecideCommerceReviewAsync(account.Tenant, new ReviewDecisionRequest("rejected", null)).Ok();

        var replay = await account.PermitAsync(phones[0], customer, "template", messageId);

        Assert.True(replay.Allowed);
        Assert.Equal(granted, replay);
    }
}
