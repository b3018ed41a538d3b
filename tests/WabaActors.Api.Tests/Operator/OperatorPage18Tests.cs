using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// The operator page in headless Chromium (issue 18): an account's templates, its billable decisions of the last
/// 24 h by category and its per-customer verdicts, customers masked; a tenant key's page stands without them.
/// </summary>
[Collection(SecuredApiCollection.Name)]
public class OperatorPage18Tests(SecuredApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task ShowsTemplatesBillableDecisionsAndMaskedVerdicts()
    {
        var sent = await _api.SendingAsync();
        var read = (await _api.Get(sent.ActivityPath)).Ok();

        var dom = new Dom(await Chromium.DumpDomAsync(PageUrl(sent.Account) + "#key=" + Keys.Operator));

        Assert.Equal("ready", dom.One("data-state").Attr("data-state"));
        var spring = dom.One("data-template", "spring_sale/en_US");
        Assert.Equal("approved", spring.One("data-field", "templateStatus").Text);
        Assert.Equal("marketing", spring.One("data-field", "templateCategory").Text);
        Assert.Equal("yes", spring.One("data-field", "sendable").Text);
        var disabled = dom.One("data-template", "old_promo/cs");
        Assert.Equal("disabled", disabled.One("data-field", "templateStatus").Text);
        Assert.Equal("no", disabled.One("data-field", "sendable").Text);
        Assert.Equal(4, dom.All("data-template").Count);

        Assert.Equal("4", dom.One("data-field", "billableTotal").Text);
        foreach (var (category, count) in new[] { ("service", "0"), ("marketing", "2"), ("utility", "1"), ("authentication", "0"), ("unknown", "1") })
        {
            Assert.Equal(count, dom.One("data-category", category).One("data-field", "billableCount").Text);
        }

        Assert.Contains("verdicts in force (2 of 2)", dom.One("id", "verdicts").Text, StringComparison.Ordinal);
        var limited = dom.One("data-verdict", "marketing_limit_per_user");
        Assert.Equal("•••" + sent.Limited[^4..], limited.One("data-field", "verdictCustomer").Text);
        var until = read["verdicts"]!["shown"]!.AsArray().Single(v => v!.Str("reason") == "marketing_limit_per_user")!.Str("until");
        Assert.Equal(until, limited.One("data-field", "verdictUntil").Attr("datetime"));
        var optedOut = dom.One("data-verdict", "marketing_opted_out");
        Assert.Equal(sent.Second, optedOut.Attr("data-numbers"));
        Assert.Equal($"+{sent.Account.Phone}, +{sent.Second}", limited.One("data-field", "verdictNumbers").Text);
        Assert.Equal("until the customer resumes", optedOut.One("data-field", "verdictUntil").Text);
        Assert.Contains("last 4 characters", dom.One("data-field", "verdictNote").Text, StringComparison.Ordinal);
        Assert.DoesNotContain(sent.Limited, dom.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(sent.OptedOut, dom.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATenantKeysPageStandsAndSaysTheRestNeedsAnOperatorKey()
    {
        var mine = await _api.CreatedAsync(TestAccount.Fresh() with { Tenant = Keys.A });

        var dom = new Dom(await Chromium.DumpDomAsync(PageUrl(mine) + "#key=" + Keys.OfA));

        Assert.Equal("ready", dom.One("data-state").Attr("data-state"));
        Assert.Equal(4, dom.All("data-step").Count);
        var refused = dom.One("data-field", "activityError");
        Assert.Equal("operator_key_required", refused.Attr("data-error"));
        Assert.Contains("need an operator key", refused.Text, StringComparison.Ordinal);
        Assert.Empty(dom.All("data-template"));
        Assert.Empty(dom.All("data-category"));
    }

    private string PageUrl(TestAccount account) =>
        new Uri(_api.Http.BaseAddress!, $"/operator/accounts/{account.Tenant}/{account.Waba}").ToString();
}
