using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Templates;
using WabaActors.Contracts.Webhooks;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>
/// Issue 18 through the grains, under both rule profiles: the account's template registry reaches its numbers
/// (set over HTTP's grain call and by Meta's webhook), Meta's verdicts are kept across a deactivation and end
/// on time, and the operator's activity shows billable sends and verdicts in force.
/// </summary>
public abstract class SendTimeRulesTests(ClusterFixture fixture)
{
    private static readonly TemplateRef Offer = new("spring_offer", "en_US");

    [Fact]
    public async Task DeniesAPausedTemplateOnEveryNumberUntilMetaApprovesItAgain()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains, numbers: 2);
        var end = fixture.Now.AddHours(3);
        await account.Grain.PutTemplateAsync(account.Tenant, new TemplateUpdate(Offer, TemplateCategory.Utility, TemplateStatus.Paused, end)).Ok();

        var paused = await Template(account, phones[1], Ids.Customer());
        var applied = await account.Grain.ApplyWebhookAsync(new TemplateWebhook($"approved-{Ids.Message()}", Offer.Name, Offer.Language, "APPROVED", "UTILITY", fixture.Now)).Ok();
        var approved = await Template(account, phones[1], Ids.Customer());

        Assert.False(paused.Allowed);
        Assert.Equal(DenialReason.TemplatePaused, paused.Reason);
        Assert.Equal(end, paused.RetryAt);
        Assert.Equal(WebhookResult.Applied, applied);
        Assert.True(approved.Allowed);
        Assert.Equal(new Pricing(PricingCategory.Utility, true, null), approved.Pricing);
        var listed = Assert.Single((await account.Grain.GetTemplatesAsync(account.Tenant).Ok()).Templates);
        Assert.Equal((TemplateStatus.Approved, true), (listed.Status, listed.Sendable));
    }

    [Fact]
    public async Task HoldsMarketingFor24HoursAfterA131049EvenAfterTheNumberWasDeactivated()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var customer = Ids.Customer();
        var number = account.Number(phones[0]);
        var failedAt = fixture.Now;
        var learned = await number.RecordOutcomeAsync(account.Scope, new SendOutcome(Ids.Message(), customer, OutcomeStatus.Failed, 131049, failedAt)).Ok();

        await fixture.DeactivateAllAsync(number);
        var held = await Marketing(account, phones[0], customer);
        await fixture.AdvanceAsync(TimeSpan.FromHours(24));
        var after = await Marketing(account, phones[0], customer);

        Assert.Equal(new OutcomeResult(OutcomeEffect.MarketingLimited, failedAt.AddHours(24)), learned);
        Assert.False(held.Allowed);
        Assert.Equal((DenialReason.MarketingLimitPerUser, failedAt.AddHours(24)), (held.Reason!.Value, held.RetryAt!.Value));
        Assert.True(after.Allowed);
        Assert.Equal(new Pricing(PricingCategory.Marketing, true, null), after.Pricing);
    }

    [Fact]
    public async Task HoldsMarketingOnEveryNumberOfTheAccountGivenA131049OnOne()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains, numbers: 2);
        var customer = Ids.Customer();
        await account.Number(phones[0]).RecordOutcomeAsync(account.Scope, new SendOutcome(Ids.Message(), customer, OutcomeStatus.Failed, 131049, fixture.Now)).Ok();

        await fixture.DeactivateAllAsync(account.Number(phones[1]));
        var other = await Marketing(account, phones[1], customer);

        Assert.Equal(DenialReason.MarketingLimitPerUser, other.Reason);
        Assert.Equal(fixture.Now.AddHours(24), other.RetryAt);
    }

    [Fact]
    public async Task StopsMarketingUntilTheCustomerResumesAndAnswersARedeliveryAsADuplicate()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var (customer, message) = (Ids.Customer(), Ids.Message());
        var number = account.Number(phones[0]);
        var stop = new SendOutcome(message, customer, OutcomeStatus.Failed, 131050, fixture.Now);

        var first = await number.RecordOutcomeAsync(account.Scope, stop).Ok();
        var again = await number.RecordOutcomeAsync(account.Scope, stop).Ok();
        var stopped = await Marketing(account, phones[0], customer);
        var utility = await number.RequestPermitAsync(account.Scope,
            new PermitRequest(customer, MessageKind.Template, Ids.Message()) { Category = TemplateCategory.Utility }).Ok();
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(1));
        await number.SetMarketingPreferenceAsync(account.Scope, new MarketingPreference(customer, Stop: false, fixture.Now)).Ok();
        var resumed = await Marketing(account, phones[0], customer);

        Assert.Equal(OutcomeEffect.MarketingOptedOut, first.Effect);
        Assert.Equal(OutcomeEffect.Duplicate, again.Effect);
        Assert.Equal(DenialReason.MarketingOptedOut, stopped.Reason);
        Assert.True(utility.Allowed);
        Assert.True(resumed.Allowed);
    }

    [Fact]
    public async Task ShowsTheOperatorBillableSendsByCategoryAndTheVerdictsInForce()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var number = account.Number(phones[0]);
        var (inside, limited) = (Ids.Customer(), Ids.Customer());
        await account.InboundAsync(phones[0], inside, fixture.Now).Ok();
        await Marketing(account, phones[0], inside);
        await Marketing(account, phones[0], Ids.Customer());
        await number.RecordOutcomeAsync(account.Scope, new SendOutcome(Ids.Message(), limited, OutcomeStatus.Failed, 131049, fixture.Now)).Ok();

        var activity = await number.GetActivityAsync(account.Scope).Ok();

        Assert.Equal([new BillableCount(PricingCategory.Marketing, 2)], activity.Billable);
        var verdict = Assert.Single(activity.Verdicts);
        Assert.Equal((limited, DenialReason.MarketingLimitPerUser, fixture.Now.AddHours(24)), (verdict.Customer, verdict.Reason, verdict.Until));
        Assert.Equal(1, activity.VerdictCount);
    }

    private static Task<PermitDecision> Template(TestAccount account, string phone, string customer) =>
        account.Number(phone).RequestPermitAsync(account.Scope, new PermitRequest(customer, MessageKind.Template, Ids.Message()) { Template = Offer }).Ok();

    private static Task<PermitDecision> Marketing(TestAccount account, string phone, string customer) =>
        account.Number(phone).RequestPermitAsync(account.Scope,
            new PermitRequest(customer, MessageKind.Template, Ids.Message()) { Category = TemplateCategory.Marketing }).Ok();
}

[Collection(ClusterCollection.Name)]
public sealed class SendTimeRulesDocument(ClusterFixture fixture) : SendTimeRulesTests(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class SendTimeRulesMeta(MetaClusterFixture fixture) : SendTimeRulesTests(fixture);
