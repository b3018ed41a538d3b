using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Webhooks;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>
/// The commerce-review decision reaches the numbers (the gate push): rejected blocks every send, approved
/// unblocks; under rules that hold sends while the review is pending (<c>meta</c>) nothing goes out until
/// it is approved. Runs under both rule profiles.
/// </summary>
public abstract class NumberRequestPermitBlocked(ClusterFixture fixture)
{
    [Fact]
    public async Task DeniesAccountBlockedGivenCommerceReviewRejected()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains, numbers: 2);
        var customer = Ids.Customer();
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();
        var pendingSession = await account.PermitAsync(phones[0], customer, MessageKind.Session);
        var pendingTemplate = await account.PermitAsync(phones[1], Ids.Customer(), MessageKind.Template);
        if (fixture.Rules.SendsAllowedWhileReviewPending)
        {
            Assert.True(pendingSession.Allowed);
            Assert.True(pendingTemplate.Allowed);
        }
        else
        {
            Assert.Equal((false, DenialReason.AccountUnderReview), (pendingSession.Allowed, pendingSession.Reason));
            Assert.Equal((false, DenialReason.AccountUnderReview), (pendingTemplate.Allowed, pendingTemplate.Reason));
        }

        var view = await RejectAndExpectEverySendBlockedAsync(account, phones, customer);

        Assert.Equal(["commerce_review_rejected"], view.Holds.Select(h => h.Reason));
    }

    [Fact]
    public async Task DeniesAccountBlockedGivenCommerceReviewRejectedAfterApproval()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains, numbers: 2);
        var customer = Ids.Customer();
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();
        Assert.True((await account.PermitAsync(phones[0], customer, MessageKind.Session)).Allowed);
        Assert.True((await account.PermitAsync(phones[1], Ids.Customer(), MessageKind.Template)).Allowed);

        await RejectAndExpectEverySendBlockedAsync(account, phones, customer);
    }

    [Fact]
    public async Task HoldsEverySendUnderReviewUntilApprovedGivenRulesThatHoldSendsWhileReviewPending()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains, numbers: 2);
        var customer = Ids.Customer();
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();

        var session = await account.PermitAsync(phones[0], customer, MessageKind.Session);
        var template = await account.PermitAsync(phones[1], Ids.Customer(), MessageKind.Template);

        var view = await account.ViewAsync();
        Assert.Equal(("live", "pending"), (view.Status, view.CommercePolicyReview.Status));
        if (fixture.Rules.SendsAllowedWhileReviewPending)
        {
            Assert.True(session.Allowed);
            Assert.Equal((true, 1), (template.Allowed, template.TemplateRecipients!.Used));
            Assert.Empty(view.Holds);
        }
        else
        {
            Assert.Equal((false, DenialReason.AccountUnderReview), (session.Allowed, session.Reason));
            Assert.Equal((false, DenialReason.AccountUnderReview), (template.Allowed, template.Reason));
            Assert.Equal(["account_under_review"], view.Holds.Select(h => h.Reason));
            Assert.Equal(0, view.Limits.TemplateRecipients.Used);
        }

        var approved = await account.ApproveCommerceReviewAsync();

        Assert.Equal(("live", "approved"), (approved.Status, approved.CommercePolicyReview.Status));
        Assert.Empty(approved.Holds);
        Assert.True((await account.PermitAsync(phones[0], customer, MessageKind.Session)).Allowed);
        Assert.True((await account.PermitAsync(phones[1], Ids.Customer(), MessageKind.Template)).Allowed);
    }

    [Fact]
    public async Task AllowsAgainGivenReviewApprovedAfterRejection()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        await account.Grain.DecideCommerceReviewAsync(account.Tenant, new ReviewDecisionRequest("rejected", null)).Ok();
        Assert.Equal(DenialReason.AccountBlocked, (await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template)).Reason);

        var view = await account.Grain.DecideCommerceReviewAsync(account.Tenant, new ReviewDecisionRequest("approved", null)).Ok();

        Assert.Equal(("live", "approved"), (view.Status, view.CommercePolicyReview.Status));
        Assert.True((await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template)).Allowed);
        Assert.Equal("account_unblocked", (await account.EventsAsync())[^1].Type);
    }

    [Fact]
    public async Task ReplaysEarlierGrantGivenAccountBlockedSince()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var (customer, messageId) = (Ids.Customer(), Ids.Message());
        var granted = await account.PermitAsync(phones[0], customer, MessageKind.Template, messageId);
        Assert.True(granted.Allowed);
        await account.Grain.DecideCommerceReviewAsync(account.Tenant, new ReviewDecisionRequest("rejected", null)).Ok();

        var replay = await account.PermitAsync(phones[0], customer, MessageKind.Template, messageId);

        Assert.True(replay.Allowed);
        Assert.Equal(granted, replay);
    }

    [Fact]
    public async Task ReplaysEarlierGrantAndHoldsNewSendsGivenReviewReopenedSince()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var (customer, messageId) = (Ids.Customer(), Ids.Message());
        var granted = await account.PermitAsync(phones[0], customer, MessageKind.Template, messageId);
        Assert.True(granted.Allowed);
        await account.Grain.ApplyWebhookAsync(new ReviewWebhook(Guid.NewGuid().ToString("N"), "PENDING")).Ok();

        var replay = await account.PermitAsync(phones[0], customer, MessageKind.Template, messageId);
        var fresh = await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template);

        Assert.Equal(granted, replay);
        Assert.Equal(fixture.Rules.SendsAllowedWhileReviewPending ? null : DenialReason.AccountUnderReview, fresh.Reason);
        Assert.Equal(fixture.Rules.SendsAllowedWhileReviewPending, fresh.Allowed);
    }

    /// <summary>The review rejected: the account is blocked, a reply and a template are both denied, and the history says so.</summary>
    private static async Task<AccountView> RejectAndExpectEverySendBlockedAsync(TestAccount account, string[] phones, string customer)
    {
        var view = await account.Grain.DecideCommerceReviewAsync(account.Tenant, new ReviewDecisionRequest("rejected", "Sells tobacco")).Ok();

        Assert.Equal("blocked", view.Status);
        var session = await account.PermitAsync(phones[0], customer, MessageKind.Session);
        var template = await account.PermitAsync(phones[1], Ids.Customer(), MessageKind.Template);
        Assert.Equal((false, DenialReason.AccountBlocked), (session.Allowed, session.Reason));
        Assert.Equal((false, DenialReason.AccountBlocked), (template.Allowed, template.Reason));
        Assert.Equal(["commerce_review_decided", "account_blocked"], (await account.EventsAsync()).TakeLast(2).Select(e => e.Type));
        return view;
    }
}

[Collection(ClusterCollection.Name)]
public sealed class NumberRequestPermitBlockedDocument(ClusterFixture fixture) : NumberRequestPermitBlocked(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class NumberRequestPermitBlockedMeta(MetaClusterFixture fixture) : NumberRequestPermitBlocked(fixture);
