using System.Net;
using System.Text.Json.Nodes;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// The operator page's read of an account's sending (issue 18): templates with their status, billable decisions of
/// the last 24 h by category summed over the account's numbers, and per-customer verdicts with masked customers.
/// </summary>
[Collection(SecuredApiCollection.Name)]
public class OperatorActivity18Tests(SecuredApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task ShowsTemplatesBillableDecisionsByCategoryAndVerdictsInForce()
    {
        var sent = await _api.SendingAsync();

        var reply = await _api.Get(sent.ActivityPath);
        var read = reply.Ok();

        Assert.Equal("no-store", reply.Headers.CacheControl?.ToString());
        Assert.Equal(
            ["login_code/en_US/authentication/pending/False", "old_promo/cs/marketing/disabled/False",
             "order_update/en_US/utility/approved/True", "spring_sale/en_US/marketing/approved/True"],
            read["templates"]!.AsArray().Select(t => $"{t!.Str("name")}/{t!.Str("language")}/{t!.Str("category")}/{t!.Str("status")}/{t!.Bool("sendable")}"));
        Assert.All(read["templates"]!.AsArray(), t => Assert.True(t!.IsNull("pausedUntil")));

        Assert.Equal(["service:0", "marketing:2", "utility:1", "authentication:0", "unknown:1"], Billable(read));
        Assert.Equal(4, read.Int("billable.total"));
        Assert.Equal(read.Instant("asOf"), read.Instant("billable.to"));
        Assert.Equal(TimeSpan.FromHours(24), read.Instant("billable.to") - read.Instant("billable.from"));

        Assert.Equal(2, read.Int("verdicts.total"));
        Assert.True(read.Bool("verdicts.exact"));
        var shown = read["verdicts"]!["shown"]!.AsArray();
        var limited = Assert.Single(shown, v => v!.Str("reason") == "marketing_limit_per_user")!;
        // Meta's per-user limit holds on the whole account: every number has it, shown once.
        Assert.Equal([sent.Account.Phone, sent.Second], Numbers(limited));
        Assert.Equal("•••" + sent.Limited[^4..], limited.Str("customer"));
        Assert.Equal(sent.LimitedUntil, limited.Instant("until"));
        Assert.Equal(TimeSpan.FromHours(24), limited.Instant("until") - limited.Instant("since"));
        var optedOut = Assert.Single(shown, v => v!.Str("reason") == "marketing_opted_out")!;
        Assert.Equal([sent.Second], Numbers(optedOut));
        Assert.Equal("•••" + sent.OptedOut[^4..], optedOut.Str("customer"));
        Assert.True(optedOut.IsNull("until"));

        // Customer ids are personal data: the full id never leaves the host.
        Assert.DoesNotContain(sent.Limited, reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(sent.OptedOut, reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADayLaterTheBillableDecisionsAndTheMarketingLimitAreGoneButTheOptOutStays()
    {
        var sent = await _api.SendingAsync();

        await _api.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var read = (await _api.Get(sent.ActivityPath)).Ok();

        Assert.Equal(["service:0", "marketing:0", "utility:0", "authentication:0", "unknown:0"], Billable(read));
        Assert.Equal(1, read.Int("verdicts.total"));
        Assert.Equal("marketing_opted_out", Assert.Single(read["verdicts"]!["shown"]!.AsArray())!.Str("reason"));
    }

    [Fact]
    public async Task APausedTemplateShowsWhenThePauseEnds()
    {
        var account = await _api.LiveAsync();
        var now = await _api.Now();

        var change = new
        {
            @event = "PAUSED", message_template_id = 1_234_567, message_template_name = "spring_sale", message_template_language = "en_US",
            reason = "NONE", message_template_category = "MARKETING", other_info = new { title = "FIRST_PAUSE", description = "Low quality." },
        };
        var envelope = new Dictionary<string, object>
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new[] { new Dictionary<string, object> { ["id"] = account.Waba, ["time"] = Webhooks.Unix(now), ["changes"] = new[] { new { field = "message_template_status_update", value = change } } } },
        };
        Assert.Equal(1, (await _api.Webhook(envelope)).Receipt().Applied);

        var template = Assert.Single((await _api.Get($"/operator/accounts/{account.Tenant}/{account.Waba}/activity")).Ok()["templates"]!.AsArray())!;
        Assert.Equal("paused", template.Str("status"));
        Assert.Equal("marketing", template.Str("category"));
        Assert.False(template.Bool("sendable"));
        var until = template.Instant("pausedUntil");
        Assert.InRange(until, now.AddHours(3).AddSeconds(-1), now.AddHours(3).AddMinutes(1));
    }

    [Fact]
    public async Task ShowsAPageOfVerdictsNewestFirstAndCountsThemAll()
    {
        var account = await _api.LiveAsync();
        var second = Ids.Phone();
        (await _api.AddNumber(account, second)).Created();
        await _api.Register(account, second);
        foreach (var number in new[] { account.Number, account.NumberOf(second) })
        {
            for (var i = 0; i < 51; i++)
            {
                await _api.FailedAsync(number, Ids.MessageId(), Ids.Customer(), 131050);
            }

            await _api.Advance(TimeSpan.FromMinutes(1));
        }

        var verdicts = (await _api.Get($"/operator/accounts/{account.Tenant}/{account.Waba}/activity")).Ok()["verdicts"]!;

        Assert.Equal(102, verdicts.Int("total"));
        Assert.True(verdicts.Bool("exact"));
        var shown = verdicts["shown"]!.AsArray().Select(v => v!).ToList();
        Assert.Equal(100, shown.Count);
        Assert.All(shown.Take(51), v => Assert.Equal([second], Numbers(v)));
        Assert.Equal(shown.Select(v => v.Instant("since")).OrderDescending(), shown.Select(v => v.Instant("since")));
    }

    [Fact]
    public async Task OnlyAnOperatorKeyReadsIt()
    {
        var account = await _api.CreatedAsync(TestAccount.Fresh() with { Tenant = Keys.A });
        var path = $"/operator/accounts/{account.Tenant}/{account.Waba}/activity";

        (await fixture.NewClient().Get(path)).Problem(HttpStatusCode.Unauthorized, "unauthorized");
        (await fixture.NewClient(Keys.OfA).Get(path)).Problem(HttpStatusCode.Forbidden, "operator_key_required");
        (await _api.Get($"/operator/accounts/{Keys.B}/{account.Waba}/activity")).Problem(HttpStatusCode.NotFound, "not_found");
        (await _api.Get($"/operator/accounts/{Keys.A}/{Ids.Waba()}/activity")).Problem(HttpStatusCode.NotFound, "not_found");
        (await _api.Get("/operator/accounts/Not%20A%20Tenant/waba-1/activity")).Problem(HttpStatusCode.BadRequest, "validation_failed");
    }

    private static IEnumerable<string?> Numbers(JsonNode verdict) => verdict["numbers"]!.AsArray().Select(n => (string?)n);

    private static IEnumerable<string> Billable(JsonNode read) =>
        read["billable"]!["byCategory"]!.AsArray().Select(c => $"{c!.Str("category")}:{c!.Int("count")}");
}
