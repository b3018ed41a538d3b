using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/api.md § Meta's verdicts on earlier sends, told over <c>POST …/outcomes</c> under both profiles: 131049 holds
/// marketing templates to that customer for 24 h, 131050 stops them, 131047 closes the window; each verdict once.
/// </summary>
public abstract class OutcomesTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task A131049HoldsMarketingTemplatesToThatCustomerFor24Hours()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (customer, other) = (Ids.Customer(), Ids.Customer());
        var at = Webhooks.Seconds(await _api.Now()).AddMinutes(-1);

        var result = (await _api.Outcome(account, customer, 131049, at)).Ok();

        Assert.Equal("marketing_limited", result.Str("effect"));
        Assert.Equal(at.AddHours(24), result.Instant("until"));
        var denied = await _api.TemplatePermit(account, customer, category: "marketing");
        Assert.Equal("marketing_limit_per_user", denied.Denied());
        Assert.Equal(at.AddHours(24), denied.Instant("retryAt"));
        Assert.True((await _api.TemplatePermit(account, customer, category: "utility")).Bool("allowed"));
        Assert.True((await _api.TemplatePermit(account, other, category: "marketing")).Bool("allowed"));

        await _api.Advance(TimeSpan.FromHours(24));
        Assert.True((await _api.TemplatePermit(account, customer, category: "marketing")).Bool("allowed"));
    }

    [Fact]
    public async Task A131050StopsMarketingTemplatesToThatCustomer()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();

        var result = (await _api.Outcome(account, customer, 131050, Webhooks.Seconds(await _api.Now()))).Ok();

        Assert.Equal("marketing_opted_out", result.Str("effect"));
        await _api.Advance(TimeSpan.FromDays(3));
        var denied = await _api.TemplatePermit(account, customer, category: "marketing");
        Assert.Equal("marketing_opted_out", denied.Denied());
        Assert.True(denied.IsNull("retryAt"));
        Assert.True((await _api.TemplatePermit(account, customer, category: "authentication")).Bool("allowed"));
    }

    [Fact]
    public async Task TheRegistrysCategoryDecidesWhetherTheMarketingRulesApply()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        await _api.PutTemplate(account, "spring_sale", "approved", "marketing");
        (await _api.Outcome(account, customer, 131050, await _api.Now())).Ok();

        Assert.Equal("marketing_opted_out", (await _api.TemplatePermit(account, customer, "spring_sale", "utility")).Denied());
    }

    [Fact]
    public async Task TheSameVerdictTwiceIsADuplicate()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (customer, messageId, at) = (Ids.Customer(), Ids.MessageId(), await _api.Now());

        Assert.Equal("marketing_limited", (await _api.Outcome(account, customer, 131049, at, messageId: messageId)).Ok().Str("effect"));
        Assert.Equal("duplicate", (await _api.Outcome(account, customer, 131049, at, messageId: messageId)).Ok().Str("effect"));
    }

    [Fact]
    public async Task A131047ClosesTheWindowAndOtherStatusesTeachNothing()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        await _api.OpenWindow(account, customer);

        Assert.Equal("none", (await _api.Outcome(account, customer, null, await _api.Now(), "delivered")).Ok().Str("effect"));
        Assert.Equal("none", (await _api.Outcome(account, customer, 131026, await _api.Now())).Ok().Str("effect"));
        Assert.True((await _api.SessionPermit(account, customer)).Bool("allowed"));

        Assert.Equal("window_closed", (await _api.Outcome(account, customer, 131047, await _api.Now())).Ok().Str("effect"));
        Assert.Equal("customer_service_window_closed", (await _api.SessionPermit(account, customer)).Denied());
    }
}

[Collection(ApiCollection.Name)]
public sealed class OutcomesDocumentTests(ApiFixture fixture) : OutcomesTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class OutcomesMetaTests(MetaApiFixture fixture) : OutcomesTests(fixture);
