using WabaActors.Contracts.Messaging;
using WabaActors.Contracts;
using WabaActors.Contracts.Webhooks;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Accounts;

/// <summary>Meta's webhooks applied through the account grain. Runs under both rule profiles.</summary>
public abstract class AccountApplyWebhook(ClusterFixture fixture)
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
    public async Task DecidesWithMetasTierGivenCapabilityUpdate()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        Assert.Equal(fixture.Rules.TemplateRecipientLimit, (await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template)).TemplateRecipients!.Limit);

        await account.Grain.ApplyWebhookAsync(new CapabilityWebhook(Digest(), "TIER_10K", null)).Ok();

        var decision = await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template);
        Assert.Equal((true, 2, 10_000), (decision.Allowed, decision.TemplateRecipients!.Used, decision.TemplateRecipients.Limit));
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
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var customer = Ids.Customer();
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();
        Assert.True((await account.PermitAsync(phones[0], customer, MessageKind.Session)).Allowed);

        await account.Grain.ApplyWebhookAsync(new BanWebhook(Digest(), "DISABLE")).Ok();
        var denied = await account.PermitAsync(phones[0], customer, MessageKind.Session);

        Assert.Equal(DenialReason.AccountBlocked, denied.Reason);
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
    public async Task ReopensDecidedReviewAndHoldsSendsOnlyUnderRulesThatHoldSendsGivenPendingAfterApproval(string decision)
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        await fixture.AdvanceAsync(TimeSpan.FromHours(1));
        var before = await account.EventsAsync();

        var result = await account.Grain.ApplyWebhookAsync(new ReviewWebhook(Digest(), decision)).Ok();

        var view = await account.ViewAsync();
        var permit = await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template);
        if (fixture.Rules.SendsAllowedWhileReviewPending)
        {
            // document: a PENDING/DEFERRED word changes nothing.
            Assert.Equal(WebhookResult.Unchanged, result);
            Assert.Equal(before, await account.EventsAsync());
            Assert.Equal(("live", "approved"), (view.Status, view.CommercePolicyReview.Status));
            Assert.Empty(view.Holds);
            Assert.True(permit.Allowed);
        }
        else
        {
            // meta: the decided review is reopened as pending with a new due instant; every send is held until APPROVED.
            Assert.Equal(WebhookResult.Applied, result);
            var review = view.CommercePolicyReview;
            Assert.Equal(("live", "pending", fixture.Now + fixture.Rules.CommerceReviewDue), (view.Status, review.Status, review.DueAt));
            var hold = Assert.Single(view.Holds);
            Assert.Equal(("account_under_review", fixture.Now, (DateTimeOffset?)null), (hold.Reason, hold.Since, hold.Until));
            Assert.Equal("commerce_review_requested", (await account.EventsAsync())[^1].Type);
            Assert.Equal((false, DenialReason.AccountUnderReview), (permit.Allowed, permit.Reason));

            Assert.Equal(WebhookResult.Applied, await account.Grain.ApplyWebhookAsync(new ReviewWebhook(Digest(), "APPROVED")).Ok());
            Assert.Empty((await account.ViewAsync()).Holds);
            Assert.True((await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template)).Allowed);
        }
    }

    [Fact]
    public async Task ReopensRejectedReviewAsPendingOnlyUnderRulesThatHoldSendsGivenPendingAfterRejection()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        Assert.Equal(WebhookResult.Applied, await account.Grain.ApplyWebhookAsync(new ReviewWebhook(Digest(), "REJECTED")).Ok());

        var result = await account.Grain.ApplyWebhookAsync(new ReviewWebhook(Digest(), "PENDING")).Ok();

        var view = await account.ViewAsync();
        var permit = await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template);
        if (fixture.Rules.SendsAllowedWhileReviewPending)
        {
            Assert.Equal(WebhookResult.Unchanged, result);
            Assert.Equal(("blocked", "rejected"), (view.Status, view.CommercePolicyReview.Status));
            Assert.Equal(["commerce_review_rejected"], view.Holds.Select(h => h.Reason));
            Assert.Equal(DenialReason.AccountBlocked, permit.Reason);
        }
        else
        {
            // Reopened: no longer rejected (the status is live again), but every send waits for the review.
            Assert.Equal(WebhookResult.Applied, result);
            Assert.Equal(("live", "pending"), (view.Status, view.CommercePolicyReview.Status));
            Assert.Equal(["account_under_review"], view.Holds.Select(h => h.Reason));
            Assert.Equal(["commerce_review_requested", "account_unblocked"], (await account.EventsAsync()).TakeLast(2).Select(e => e.Type));
            Assert.Equal((false, DenialReason.AccountUnderReview), (permit.Allowed, permit.Reason));
        }
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

[Collection(ClusterCollection.Name)]
public sealed class AccountApplyWebhookDocument(ClusterFixture fixture) : AccountApplyWebhook(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class AccountApplyWebhookMeta(MetaClusterFixture fixture) : AccountApplyWebhook(fixture);
