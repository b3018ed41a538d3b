using WabaActors.Contracts.Messaging;
using WabaActors.Contracts;
using WabaActors.Contracts.Webhooks;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Accounts;

/// <summary>Steps 1–4 through the grains: a number added, verified with the code the gateway sent, the account live. Runs under both rule profiles.</summary>
public abstract class AccountOnboardToLive(ClusterFixture fixture)
{
    [Fact]
    public async Task SendsCodeAndWarnsGivenVoiceNumberWithoutIvrDisabled()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        var now = fixture.Now;

        var reply = await account.AddNumberAsync("+" + phone, "voice");

        var number = reply.Ok();
        Assert.True(reply.Created);
        Assert.Equal(["ivr_may_block_voice_call"], reply.Warnings);
        Assert.Equal((phone, "code_sent", "voice"), (number.Phone, number.Status, number.Verification.Method));
        Assert.Equal(now + fixture.Rules.CodeTtl, number.Verification.CodeExpiresAt);
        Assert.Equal(fixture.Rules.MaxCodeAttempts, number.Verification.AttemptsLeft);
        Assert.Matches($"^[0-9]{{{fixture.Rules.CodeLength}}}$", await account.Number(phone).GetSimulatedCodeAsync());
    }

    [Fact]
    public async Task WarnsNothingGivenSmsNumber()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);

        var reply = await account.AddNumberAsync(Ids.Phone(), "sms");

        Assert.True(reply.Created);
        Assert.Empty(reply.Warnings);
    }

    [Fact]
    public async Task RegistersAndStartsBillingNowGivenRightCode()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone, "voice", ivrDisabled: true).Ok();
        var code = await account.Number(phone).GetSimulatedCodeAsync();
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(3));
        var now = fixture.Now;

        var number = await account.Number(phone).VerifyAsync(account.Scope, code).Ok();

        Assert.Equal("registered", number.Status);
        Assert.Equal(now, number.RegisteredAt);
        Assert.Equal(now, number.BillingStartedAt);
        Assert.Null(number.Verification.CodeExpiresAt);
    }

    [Fact]
    public async Task GoesLiveWithCommerceReviewPendingDueIn48HoursGivenFirstNumberRegistered()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone).Ok();
        var now = fixture.Now;

        await account.RegisterAsync(phone);

        var view = await account.ViewAsync();
        Assert.Equal("live", view.Status);
        Assert.All(view.Onboarding.Steps, s => Assert.Equal("done", s.Status));
        Assert.Equal(now, view.Onboarding.Steps[3].CompletedAt);
        var review = view.CommercePolicyReview;
        Assert.Equal(("pending", now, now + fixture.Rules.CommerceReviewDue, false), (review.Status, review.RequestedAt, review.DueAt, review.Overdue));
        Assert.Equal((1, fixture.Rules.NumberLimit), (view.Limits.Numbers.Used, view.Limits.Numbers.Max));
        Assert.Equal((0, fixture.Rules.TemplateRecipientLimit), (view.Limits.TemplateRecipients.Used, view.Limits.TemplateRecipients.Limit));

        // The document lets a live account send while its review is pending; Meta holds every send until it is approved.
        if (fixture.Rules.SendsAllowedWhileReviewPending)
        {
            Assert.Empty(view.Holds);
        }
        else
        {
            var hold = Assert.Single(view.Holds);
            Assert.Equal(("account_under_review", now, (DateTimeOffset?)null), (hold.Reason, hold.Since, hold.Until));
        }

        var number = Assert.Single(view.Numbers);
        Assert.Equal((phone, "registered", now), (number.Phone, number.Status, number.BillingStartedAt));
    }

    [Fact]
    public async Task StartsApprovedWithoutHoldGivenMetaApprovedBeforeGoLive()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        Assert.Equal(WebhookResult.Applied, await account.Grain.ApplyWebhookAsync(new ReviewWebhook(Ids.Message(), "APPROVED")).Ok());
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone).Ok();

        await account.RegisterAsync(phone);

        var view = await account.ViewAsync();
        Assert.Equal(("live", "approved"), (view.Status, view.CommercePolicyReview.Status));
        Assert.Empty(view.Holds);
        Assert.True((await account.PermitAsync(phone, Ids.Customer(), MessageKind.Template)).Allowed);
    }

    [Fact]
    public async Task StartsWithMetasLastWordGivenApprovedThenPendingBeforeGoLive()
    {
        var account = await TestAccount.OnboardedAsync(fixture.Grains);
        await account.Grain.ApplyWebhookAsync(new ReviewWebhook(Ids.Message(), "APPROVED")).Ok();
        var pending = await account.Grain.ApplyWebhookAsync(new ReviewWebhook(Ids.Message(), "PENDING")).Ok();
        var phone = Ids.Phone();
        await account.AddNumberAsync(phone).Ok();

        await account.RegisterAsync(phone);

        var view = await account.ViewAsync();
        var permit = await account.PermitAsync(phone, Ids.Customer(), MessageKind.Template);
        if (fixture.Rules.SendsAllowedWhileReviewPending)
        {
            // document: PENDING is no word at all; the approval stands.
            Assert.Equal(WebhookResult.Unchanged, pending);
            Assert.Equal(("live", "approved"), (view.Status, view.CommercePolicyReview.Status));
            Assert.Empty(view.Holds);
            Assert.True(permit.Allowed);
        }
        else
        {
            // meta: the later word wins; sends wait for the review.
            Assert.Equal(WebhookResult.Applied, pending);
            Assert.Equal(("live", "pending"), (view.Status, view.CommercePolicyReview.Status));
            Assert.Equal(["account_under_review"], view.Holds.Select(h => h.Reason));
            Assert.Equal((false, DenialReason.AccountUnderReview), (permit.Allowed, permit.Reason));
        }
    }

    [Fact]
    public async Task RecordsEveryStepInOrderGivenFullOnboarding()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var now = fixture.Now;

        var events = await account.EventsAsync();

        Assert.Equal(
        [
            "account_created", "email_submitted", "email_confirmed", "business_manager_submitted", "company_profile_submitted",
            "number_added", "verification_code_sent", "number_registered", "billing_started", "account_live", "commerce_review_requested",
        ], events.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), events.Select(e => e.Id));
        Assert.All(events.Where(e => e.Type is "number_registered" or "billing_started" or "account_live"), e => Assert.Equal(phones[0], e.Phone));
        Assert.All(events, e => Assert.Equal(now, e.At));
    }
}

[Collection(ClusterCollection.Name)]
public sealed class AccountOnboardToLiveDocument(ClusterFixture fixture) : AccountOnboardToLive(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class AccountOnboardToLiveMeta(MetaClusterFixture fixture) : AccountOnboardToLive(fixture);
