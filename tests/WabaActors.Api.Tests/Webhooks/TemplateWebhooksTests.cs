using System.Text.Json.Nodes;
using WabaActors.Api.Tests.Support;
using static WabaActors.Api.Tests.Support.Webhooks;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/meta-webhooks.md § Templates: <c>message_template_status_update</c> and <c>template_category_update</c> keep
/// the registry that permits are decided on, under both profiles. Bodies are shaped as Meta publishes them.
/// </summary>
public abstract class TemplateWebhooksTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    private static object Status(string @event, string category = "MARKETING", string? title = null, string name = "spring_sale") => new Dictionary<string, object?>
    {
        ["event"] = @event, ["message_template_id"] = 594425479261596, ["message_template_name"] = name,
        ["message_template_language"] = "en_US", ["reason"] = @event == "REJECTED" ? "INCORRECT_CATEGORY" : "NONE",
        ["message_template_category"] = category,
        ["other_info"] = title is null ? null : new { title, description = "Your template has been paused for 3 hours." },
    };

    /// <summary>A delivery whose entry's <c>time</c> is <paramref name="at"/> (Unix seconds).</summary>
    private Task<Reply> Deliver(TestAccount account, string field, object value, DateTimeOffset at)
    {
        var envelope = (Dictionary<string, object>)Envelope(account.Waba, field, value);
        ((Dictionary<string, object>[])envelope["entry"])[0]["time"] = Unix(at);
        return _api.Webhook(envelope);
    }

    private async Task<JsonNode> Entry(TestAccount account) => Assert.Single(await _api.Templates(account))!;

    [Fact]
    public async Task ApprovedFillsTheRegistryAndTheTemplateSends()
    {
        var account = await _api.LiveAndApprovedAsync();

        Assert.Equal(1, (await Deliver(account, "message_template_status_update", Status("APPROVED"), await _api.Now())).Receipt().Applied);

        var entry = await Entry(account);
        Assert.Equal(("spring_sale", "en_US", "marketing", "approved", true), (entry.Str("name"), entry.Str("language"), entry.Str("category"), entry.Str("status"), entry.Bool("sendable")));
        Assert.Equal(("marketing", true, null), (await _api.TemplatePermit(account, Ids.Customer(), "spring_sale", "utility")).Allowed());
    }

    [Fact]
    public async Task AFirstPauseDeniesForThreeHoursFromTheEntrysTime()
    {
        var account = await _api.LiveAndApprovedAsync();
        var at = Seconds(await _api.Now()).AddMinutes(-10);
        await Deliver(account, "message_template_status_update", Status("APPROVED"), at.AddDays(-1));

        Assert.Equal(1, (await Deliver(account, "message_template_status_update", Status("PAUSED", title: "FIRST_PAUSE"), at)).Receipt().Applied);

        Assert.Equal(at.AddHours(3), (await Entry(account)).Instant("pausedUntil"));
        var denied = await _api.TemplatePermit(account, Ids.Customer(), "spring_sale");
        Assert.Equal("template_paused", denied.Denied());
        Assert.Equal(at.AddHours(3), denied.Instant("retryAt"));
        await _api.Advance(TimeSpan.FromHours(3));
        Assert.True((await _api.TemplatePermit(account, Ids.Customer(), "spring_sale")).Bool("allowed"));
    }

    [Theory]
    [InlineData("REJECTED", "rejected")]
    [InlineData("DISABLED", "disabled")]
    [InlineData("pending_deletion", "deleted")]
    public async Task RejectedDisabledOrDeletedIsNotApproved(string @event, string status)
    {
        var account = await _api.LiveAndApprovedAsync();

        (await Deliver(account, "message_template_status_update", Status(@event), await _api.Now())).Receipt();

        Assert.Equal(status, (await Entry(account)).Str("status"));
        Assert.Equal("template_not_approved", (await _api.TemplatePermit(account, Ids.Customer(), "spring_sale")).Denied());
    }

    [Fact]
    public async Task ReinstatedSendsAgainAndARedeliveryIsADuplicate()
    {
        var account = await _api.LiveAndApprovedAsync();
        var at = await _api.Now();
        await Deliver(account, "message_template_status_update", Status("DISABLED"), at);

        Assert.Equal((1, 1, 0, 0, 0), (await Deliver(account, "message_template_status_update", Status("REINSTATED"), at.AddMinutes(1))).Receipt());
        Assert.Equal((1, 0, 0, 1, 0), (await Deliver(account, "message_template_status_update", Status("REINSTATED"), at.AddMinutes(1))).Receipt());

        Assert.True((await _api.TemplatePermit(account, Ids.Customer(), "spring_sale")).Bool("allowed"));
    }

    [Fact]
    public async Task ACompletedCategoryChangeRepricesAndAnImpendingOneChangesNothing()
    {
        var account = await _api.LiveAndApprovedAsync();
        var at = await _api.Now();
        await Deliver(account, "message_template_status_update", Status("APPROVED", "UTILITY", name: "order_update"), at);
        var impending = new
        {
            message_template_id = 1, message_template_name = "order_update", message_template_language = "en_US",
            correct_category = "MARKETING", new_category = "UTILITY", category_update_timestamp = Unix(at.AddDays(1)),
        };

        Assert.Equal(1, (await Deliver(account, "template_category_update", impending, at)).Receipt().Ignored);
        Assert.Equal("utility", (await Entry(account)).Str("category"));

        var completed = new { message_template_id = 1, message_template_name = "order_update", message_template_language = "en_US", previous_category = "UTILITY", new_category = "MARKETING" };
        Assert.Equal(1, (await Deliver(account, "template_category_update", completed, at.AddMinutes(1))).Receipt().Applied);

        Assert.Equal("marketing", (await Entry(account)).Str("category"));
        Assert.Equal(("marketing", true, null), (await _api.TemplatePermit(account, Ids.Customer(), "order_update", "utility")).Allowed());
    }

    [Fact]
    public async Task AnUnknownEventIsLoggedAndCountedAndChangesNothing()
    {
        var account = await _api.LiveAndApprovedAsync();
        var before = Metrics.Sample((await _api.Get("/metrics")).Body, "waba_webhook_unknown_values_total", "what=\"template_event\"");

        Assert.Equal(1, (await Deliver(account, "message_template_status_update", Status("HIBERNATED"), await _api.Now())).Receipt().Ignored);

        Assert.Empty(await _api.Templates(account));
        Assert.Contains(fixture.Logs.Lines, l => l.Contains("HIBERNATED", StringComparison.Ordinal) && l.Contains("template_event", StringComparison.Ordinal));
        await Eventually.Until(async () =>
            Metrics.Sample((await _api.Get("/metrics")).Body, "waba_webhook_unknown_values_total", "what=\"template_event\"") > before,
            TimeSpan.FromSeconds(10), "the unknown event was not counted");
    }
}

[Collection(ApiCollection.Name)]
public sealed class TemplateWebhooksDocumentTests(ApiFixture fixture) : TemplateWebhooksTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class TemplateWebhooksMetaTests(MetaApiFixture fixture) : TemplateWebhooksTests(fixture);
