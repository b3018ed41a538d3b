using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/api.md § Pricing on every allowed decision, under both profiles, with Meta's default schedule in force
/// today (from 1 Oct 2026: service free within the monthly allowance, a utility template billable in the window too).
/// </summary>
public abstract class PricingTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task ASessionMessageIsServiceAndFreeWithinTheMonthlyAllowance()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        await _api.OpenWindow(account, customer);

        Assert.Equal(("service", false, "monthly_allowance"), (await _api.SessionPermit(account, customer)).Allowed());
    }

    [Fact]
    public async Task ATemplateIsPricedByItsCategoryAndUnknownWhenNoneIsKnown()
    {
        var account = await _api.LiveAndApprovedAsync();

        Assert.Equal(("marketing", true, null), (await _api.TemplatePermit(account, Ids.Customer(), category: "marketing")).Allowed());
        Assert.Equal(("authentication", true, null), (await _api.TemplatePermit(account, Ids.Customer(), "login_code", "authentication")).Allowed());
        Assert.Equal(("unknown", true, null), (await _api.TemplatePermit(account, Ids.Customer())).Allowed());
    }

    [Fact]
    public async Task AUtilityTemplateInsideTheWindowIsBillableNow()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        await _api.OpenWindow(account, customer);

        Assert.Equal(("utility", true, null), (await _api.TemplatePermit(account, customer, category: "utility")).Allowed());
    }

    [Fact]
    public async Task TheRegistrysCategoryWinsOverTheRequests()
    {
        var account = await _api.LiveAndApprovedAsync();
        await _api.PutTemplate(account, "order_update", "approved", "utility");

        Assert.Equal(("utility", true, null), (await _api.TemplatePermit(account, Ids.Customer(), "order_update", "marketing")).Allowed());
    }

    [Fact]
    public async Task EverythingIsFreeInsideAFreeEntryPoint()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        await _api.OpenWindow(account, customer, entryPoint: "ctwa");

        Assert.Equal(("marketing", false, "free_entry_point"), (await _api.TemplatePermit(account, customer, category: "marketing")).Allowed());
        Assert.Equal(("service", false, "free_entry_point"), (await _api.SessionPermit(account, customer)).Allowed());
    }
}

[Collection(ApiCollection.Name)]
public sealed class PricingDocumentTests(ApiFixture fixture) : PricingTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class PricingMetaTests(MetaApiFixture fixture) : PricingTests(fixture);
