using WabaActors.Client;
using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Templates;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Client;

/// <summary>
/// The .NET client's issue 18 calls: a send naming its template and category (decided on the registry, priced), a batch
/// check doing the same, and Meta's verdicts told with <see cref="MessagingClient.RecordOutcomeAsync"/>. Both profiles.
/// </summary>
public abstract class MessagingClientTemplates(ClusterFixture fixture)
{
    private MessagingClient Client => new(fixture.Grains);

    [Fact]
    public async Task DeniesAPausedTemplateAndPricesAnApprovedOneByTheRegistrysCategory()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var until = fixture.Now.AddHours(3);
        await account.Grain.PutTemplateAsync(account.Tenant, new TemplateUpdate(new TemplateRef("spring_sale", "en_US"), TemplateCategory.Marketing, TemplateStatus.Paused, until)).Ok();
        await account.Grain.PutTemplateAsync(account.Tenant, new TemplateUpdate(new TemplateRef("order_update", "en_US"), TemplateCategory.Utility, TemplateStatus.Approved)).Ok();

        var paused = await Client.CheckSendAsync(account.Tenant, account.Waba, phones[0], Ids.Customer(), MessageKind.Template, Ids.Message(), null,
            new TemplateRef("spring_sale", "en_US"), TemplateCategory.Marketing);
        var priced = await Client.CheckSendAsync(account.Tenant, account.Waba, phones[0], Ids.Customer(), MessageKind.Template, Ids.Message(), null,
            new TemplateRef("order_update", "en_US"), TemplateCategory.Marketing);
        var batch = await Client.CheckSendBatchAsync(account.Tenant, account.Waba, phones[0],
            [new(Ids.Customer(), MessageKind.Template, Ids.Message()) { Template = new TemplateRef("spring_sale", "en_US") }]);

        Assert.Equal((false, DenialReason.TemplatePaused, until), (paused.Allowed, paused.Reason, paused.RetryAt));
        Assert.Null(paused.Pricing);
        Assert.Equal(new Pricing(PricingCategory.Utility, true, null), priced.Pricing);
        Assert.Equal(DenialReason.TemplatePaused, batch[0].Value!.Reason);
    }

    [Fact]
    public async Task AMarketingLimitToldThroughTheClientHoldsMarketingTemplatesToThatCustomer()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var customer = Ids.Customer();

        var result = await Client.RecordOutcomeAsync(account.Tenant, account.Waba, "+" + phones[0],
            new SendOutcome(Ids.Message(), customer, OutcomeStatus.Failed, 131049, fixture.Now));
        var decision = await Client.CheckSendBatchAsync(account.Tenant, account.Waba, phones[0],
            [new(customer, MessageKind.Template, Ids.Message()) { Category = TemplateCategory.Marketing }]);

        Assert.Equal(new OutcomeResult(OutcomeEffect.MarketingLimited, fixture.Now.AddHours(24)), result);
        Assert.Equal((DenialReason.MarketingLimitPerUser, fixture.Now.AddHours(24)), (decision[0].Value!.Reason, decision[0].Value!.RetryAt));
    }

    [Fact]
    public async Task ThrowsNamingTheTemplateGivenANameMetaWouldNotTake()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);

        var refused = await Assert.ThrowsAsync<WabaRequestException>(() => Client.CheckSendAsync(account.Tenant, account.Waba, phones[0], Ids.Customer(),
            MessageKind.Template, Ids.Message(), null, new TemplateRef("Spring Sale", "en_US")));

        Assert.Equal("validation_failed", refused.Code);
    }
}

[Collection(ClusterCollection.Name)]
public sealed class MessagingClientTemplatesDocument(ClusterFixture fixture) : MessagingClientTemplates(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class MessagingClientTemplatesMeta(MetaClusterFixture fixture) : MessagingClientTemplates(fixture);
