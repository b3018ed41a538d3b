using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// The operator page in a real browser (headless Chromium) against a host with API keys: the operator
/// key handed over once in the URL fragment, an account onboarded through the API with both reviews
/// overdue and template recipients counted, and the DOM the page's script built from the JSON API.
/// </summary>
[Collection(SecuredApiCollection.Name)]
public class OperatorPageTests(SecuredApiFixture fixture)
{
    private const string Hostile = "<img src=x onerror=\"document.body.dataset.pwned='1'\">Acme & Co";
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task ShowsStepsReviewsNumbersRecipientsAndEventsOfTheAccount()
    {
        var account = await _api.LiveAsync();
        (await _api.Put(account.Number + "/display-name", new { name = Hostile })).Ok();
        await _api.Advance(TimeSpan.FromHours(49));
        await Eventually.Until(async () => (await _api.EventTypes(account)).Count(t => t is "commerce_review_overdue" or "display_name_review_overdue") == 2,
            TimeSpan.FromSeconds(30), "both overdue events");
        foreach (var customer in new[] { Ids.Customer(), Ids.Customer(), Ids.Customer() })
        {
            Assert.True((await _api.Post(account.Number + "/permits", new { customer, type = "template", messageId = Ids.MessageId() })).Ok().Bool("allowed"));
            await _api.Advance(TimeSpan.FromHours(3));
        }

        var view = (await _api.Get(account.Path)).Ok();
        var events = await _api.Events(account);

        var dom = new Dom(await Chromium.DumpDomAsync(PageUrl(account) + "#key=" + Keys.Operator));

        Assert.Equal("ready", dom.One("data-state").Attr("data-state"));
        Assert.Equal("a key is kept for this tab", dom.One("data-field", "keyState").Text);
        for (var step = 1; step <= 4; step++)
        {
            var row = dom.One("data-step", step.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("done", row.One("data-field", "stepStatus").Text);
            Assert.Equal(view.Str($"onboarding.steps[{step - 1}].completedAt"), row.One("data-field", "completedAt").Attr("datetime"));
        }

        var commerce = dom.One("data-review", "commerce-policy");
        Assert.Equal("true", commerce.Attr("data-overdue"));
        Assert.Equal("overdue", commerce.One("data-field", "overdue").Text);
        Assert.Equal("pending", commerce.One("data-field", "reviewStatus").Text);
        Assert.Equal(view.Str("commercePolicyReview.dueAt"), commerce.One("data-field", "dueAt").Attr("datetime"));
        var displayName = dom.One("data-review", "display-name");
        Assert.Equal("true", displayName.Attr("data-overdue"));
        Assert.Contains(Hostile, displayName.Text, StringComparison.Ordinal);

        var number = dom.One("id", "numbers").One("data-phone", account.Phone);
        Assert.Equal("registered", number.One("data-field", "numberStatus").Text);
        Assert.Equal(view.Str("numbers[0].registeredAt"), number.One("data-field", "registeredAt").Attr("datetime"));
        Assert.Equal(view.Str("numbers[0].billingStartedAt"), number.One("data-field", "billingStartedAt").Attr("datetime"));
        Assert.StartsWith(view.Str("numbers[0].billingStartedAt")![..16].Replace('T', ' '), number.One("data-field", "billingStartedAt").Text, StringComparison.Ordinal);

        Assert.Equal("3 / 50", dom.One("data-field", "recipientsUsed").Text);
        var chart = dom.One("data-field", "recipientChart");
        var bars = chart.All("class", "bar");
        Assert.Equal(24, bars.Count);
        Assert.Equal(3, bars.Count(b => b.Attr("data-count") == "1"));
        Assert.Equal(21, bars.Count(b => b.Attr("data-count") == "0"));

        var shown = dom.All("data-field", "eventType").Select(e => e.Text).ToList();
        Assert.Equal(events.Reverse().Take(20).Select(e => e.Str("type")), shown);
        Assert.Contains("commerce_review_overdue", shown);
        Assert.Contains("display_name_review_overdue", shown);

        // What the API said is text on the page, never markup: no <img> and its handler never ran.
        Assert.DoesNotContain("<img", dom.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img src=x", dom.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-pwned", dom.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsWhyTheAccountCannotSend()
    {
        var account = await _api.LiveAsync();
        var open = new Dom(await Chromium.DumpDomAsync(PageUrl(account) + "#key=" + Keys.Operator));
        Assert.Empty(open.All("data-hold"));
        Assert.Single(open.All("data-field", "noHolds"));

        var until = Webhooks.Unix(await _api.Now()) + 7200;
        var body = System.Text.Encoding.UTF8.GetBytes($$$"""{"object":"whatsapp_business_account","entry":[{"id":"{{{account.Waba}}}","time":1,"changes":[{"field":"account_update","value":{"event":"ACCOUNT_DELETED"}},{"field":"account_update","value":{"event":"ACCOUNT_RESTRICTION","restriction_info":[{"restriction_type":"RESTRICTED_CUSTOMER_INITIATED_MESSAGING","expiration":""" + until + "}]}}]}]}");
        Assert.Equal(2, (await _api.WebhookRaw(body, Webhooks.Sign(body))).Receipt().Applied);
        var view = (await _api.Get(account.Path)).Ok();

        var dom = new Dom(await Chromium.DumpDomAsync(PageUrl(account) + "#key=" + Keys.Operator));

        Assert.Equal("disconnected", dom.One("data-field", "status").Text);
        var disconnected = dom.One("data-hold", "account_disconnected");
        Assert.Contains("Meta deleted", disconnected.Text, StringComparison.Ordinal);
        Assert.Equal(view.Str("holds[0].since"), disconnected.One("data-field", "holdSince").Attr("datetime"));
        var restricted = dom.One("data-hold", "restricted_customer_initiated");
        Assert.Equal(view.Str("holds[1].until"), restricted.One("data-field", "holdUntil").Attr("datetime"));
    }

    [Fact]
    public async Task WithoutAKeyThePageAsksForOne()
    {
        var account = await _api.LiveAsync();

        var dom = new Dom(await Chromium.DumpDomAsync(PageUrl(account)));

        var body = dom.One("data-state");
        Assert.Equal("error", body.Attr("data-state"));
        Assert.Equal("unauthorized", body.Attr("data-error"));
        Assert.Contains("Enter an operator key", dom.One("id", "message").Text, StringComparison.Ordinal);
        Assert.Empty(dom.All("data-step"));
    }

    [Fact]
    public async Task AnotherTenantsKeyIsRefusedForbiddenTenant()
    {
        var account = await _api.CreatedAsync(new TestAccount(Keys.B, Ids.Waba(), Ids.Phone()));

        var dom = new Dom(await Chromium.DumpDomAsync(PageUrl(account) + "#key=" + Keys.OfA));

        Assert.Equal("forbidden_tenant", dom.One("data-state").Attr("data-error"));
        Assert.Empty(dom.All("data-step"));
    }

    private string PageUrl(TestAccount account) =>
        new Uri(_api.Http.BaseAddress!, $"/operator/accounts/{account.Tenant}/{account.Waba}").ToString();
}
