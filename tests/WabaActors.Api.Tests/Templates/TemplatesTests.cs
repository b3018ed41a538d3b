using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/api.md § Templates: the account's registry over HTTP, and permits naming a template decided on its status,
/// under both rule profiles. Every test uses a fresh account, so the registry starts empty.
/// </summary>
public abstract class TemplatesTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task TheRegistryAnswersWhatWasSetByNameThenLanguage()
    {
        var account = await _api.LiveAndApprovedAsync();
        var now = await _api.Now();

        var view = await _api.PutTemplate(account, "welcome", "pending", "utility", language: "cs");
        await _api.PutTemplate(account, "spring_sale", "approved", "marketing");

        Assert.Equal(("welcome", "cs", "utility", "pending", false), (view.Str("name"), view.Str("language"), view.Str("category"), view.Str("status"), view.Bool("sendable")));
        Assert.True(view.IsNull("pausedUntil"));
        Assert.InRange(view.Instant("updatedAt"), now, now.AddMinutes(1));
        var templates = await _api.Templates(account);
        Assert.Equal(["spring_sale/en_US/approved/True", "welcome/cs/pending/False"],
            templates.Select(t => t!).Select(t => $"{t.Str("name")}/{t.Str("language")}/{t.Str("status")}/{t.Bool("sendable")}"));
    }

    [Fact]
    public async Task ACategoryLeftOutKeepsTheKnownOneAndIsNullForANewTemplate()
    {
        var account = await _api.LiveAndApprovedAsync();
        await _api.PutTemplate(account, "order_update", "pending", "utility");

        var view = await _api.PutTemplate(account, "order_update", "approved");
        var fresh = await _api.PutTemplate(account, "welcome", "approved");

        Assert.Equal(("utility", "approved"), (view.Str("category"), view.Str("status")));
        Assert.True(fresh.IsNull("category"));
        Assert.Equal(2, (await _api.Templates(account)).Count);
    }

    [Fact]
    public async Task APausedTemplateIsDeniedUntilThePausesEnd()
    {
        var account = await _api.LiveAndApprovedAsync();
        var until = Webhooks.Seconds(await _api.Now()).AddHours(3);
        await _api.PutTemplate(account, "spring_sale", "paused", "marketing", until);

        var denied = await _api.TemplatePermit(account, Ids.Customer(), "spring_sale");

        Assert.Equal("template_paused", denied.Denied());
        Assert.Equal(until, denied.Instant("retryAt"));
        await _api.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1));
        Assert.Equal(("marketing", true, null), (await _api.TemplatePermit(account, Ids.Customer(), "spring_sale")).Allowed());
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("rejected")]
    [InlineData("disabled")]
    [InlineData("deleted")]
    [InlineData("archived")]
    public async Task ATemplateThatIsNotApprovedIsDenied(string status)
    {
        var account = await _api.LiveAndApprovedAsync();
        await _api.PutTemplate(account, "spring_sale", status, "marketing");

        var denied = await _api.TemplatePermit(account, Ids.Customer(), "spring_sale");

        Assert.Equal("template_not_approved", denied.Denied());
        Assert.True(denied.IsNull("retryAt"));
        Assert.Contains(status, denied.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlaggedStillSendsAndApprovedAgainLiftsADenial()
    {
        var account = await _api.LiveAndApprovedAsync();
        await _api.PutTemplate(account, "spring_sale", "flagged", "marketing");
        Assert.True((await _api.TemplatePermit(account, Ids.Customer(), "spring_sale")).Bool("allowed"));

        await _api.PutTemplate(account, "spring_sale", "disabled", "marketing");
        Assert.Equal("template_not_approved", (await _api.TemplatePermit(account, Ids.Customer(), "spring_sale")).Denied());
        await _api.PutTemplate(account, "spring_sale", "approved", "marketing");
        Assert.True((await _api.TemplatePermit(account, Ids.Customer(), "spring_sale")).Bool("allowed"));
    }

    [Fact]
    public async Task OneNameInAnotherLanguageIsAnotherTemplate()
    {
        var account = await _api.LiveAndApprovedAsync();
        await _api.PutTemplate(account, "spring_sale", "rejected", "marketing", language: "cs");

        Assert.True((await _api.TemplatePermit(account, Ids.Customer(), "spring_sale", language: "en_US")).Bool("allowed"));
        Assert.Equal("template_not_approved", (await _api.TemplatePermit(account, Ids.Customer(), "spring_sale", language: "cs")).Denied());
    }

    [Fact]
    public async Task AnUnknownTemplateIsDecidedByTheOtherRulesWhenTheRegistryNeedNotKnowIt()
    {
        var account = await _api.LiveAndApprovedAsync();

        var decision = await _api.TemplatePermit(account, Ids.Customer(), "never_registered", "utility");

        Assert.Equal(("utility", true, null), decision.Allowed());
    }
}

[Collection(ApiCollection.Name)]
public sealed class TemplatesDocumentTests(ApiFixture fixture) : TemplatesTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class TemplatesMetaTests(MetaApiFixture fixture) : TemplatesTests(fixture);
