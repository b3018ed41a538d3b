using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>With <c>WabaActors:Templates:RequireKnown=true</c> a template the registry does not hold is denied <c>template_unknown</c>.</summary>
[Collection(KnownTemplatesApiCollection.Name)]
public sealed class KnownTemplatesTests(KnownTemplatesApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task ATemplateTheRegistryDoesNotHoldIsDeniedUntilItIsSet()
    {
        var account = await _api.LiveAndApprovedAsync();

        var denied = await _api.TemplatePermit(account, Ids.Customer(), "spring_sale", "marketing");

        Assert.Equal("template_unknown", denied.Denied());
        await _api.PutTemplate(account, "spring_sale", "approved", "marketing");
        Assert.Equal(("marketing", true, null), (await _api.TemplatePermit(account, Ids.Customer(), "spring_sale")).Allowed());
    }

    [Fact]
    public async Task APermitNamingNoTemplateIsDecidedAsBefore()
    {
        var account = await _api.LiveAndApprovedAsync();

        Assert.True((await _api.TemplatePermit(account, Ids.Customer(), category: "utility")).Bool("allowed"));
    }
}
