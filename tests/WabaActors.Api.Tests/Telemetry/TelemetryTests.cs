using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>docs/telemetry.md: the service's instruments, scraped at /metrics as Prometheus text (no keys: open).</summary>
[Collection(ApiCollection.Name)]
public class TelemetryTests(ApiFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task MetricsAreServedWithoutAKeyWhenNoKeysAreConfigured()
    {
        var scrape = await _api.Get("/metrics");

        Assert.Equal(HttpStatusCode.OK, scrape.Status);
        Assert.Equal("text/plain", scrape.MediaType);
    }

    [Fact]
    public async Task ADeniedPermitMovesTheDecisionCounterOfItsReason()
    {
        var account = await _api.LiveAsync();
        string[] denied = ["allowed=\"false\"", "reason=\"customer_service_window_closed\"", "type=\"session\""];
        var before = await Sample("waba_permit_decisions_total", denied);

        var decision = (await Permit(account, Ids.Customer(), "session")).Ok();

        Assert.Equal("customer_service_window_closed", decision.Str("reason"));
        await Eventually.Until(async () => await Sample("waba_permit_decisions_total", denied) >= before + 1, Timeout,
            "the decision counter of customer_service_window_closed did not move");
    }

    [Fact]
    public async Task AGrantedTemplateMovesTheAllowedDecisionAndTheCountedGrant()
    {
        var account = await _api.LiveAsync();
        string[] allowed = ["allowed=\"true\"", "reason=\"none\"", "type=\"template\""];
        string[] counted = ["outcome=\"counted\""];
        var (allowedBefore, countedBefore) = (await Sample("waba_permit_decisions_total", allowed), await Sample("waba_template_grants_total", counted));

        Assert.True((await Permit(account, Ids.Customer(), "template")).Ok().Bool("allowed"));

        await Eventually.Until(async () => await Sample("waba_permit_decisions_total", allowed) >= allowedBefore + 1
            && await Sample("waba_template_grants_total", counted) >= countedBefore + 1, Timeout, "the template grant was not counted");
    }

    [Fact]
    public async Task AnInboundMessageRaisesTheActiveWindows()
    {
        var account = await _api.LiveAsync();
        var before = await Sample("waba_windows_active");

        (await _api.Post(account.Number + "/inbound", new { customer = Ids.Customer(), messageId = Ids.MessageId(), timestamp = Json.Iso(await _api.Now()) })).Ok();

        await Eventually.Until(async () => await Sample("waba_windows_active") >= before + 1, Timeout, "the active windows did not rise");
    }

    [Fact]
    public async Task AnOverdueReviewRecordsTheReminderLag()
    {
        string[] review = ["reminder=\"commerce_review\""];
        var before = await Sample("waba_reminder_lag_seconds_count", review);
        await _api.LiveAsync();

        await _api.Advance(TimeSpan.FromHours(49));

        await Eventually.Until(async () => await Sample("waba_reminder_lag_seconds_count", review) >= before + 1, Timeout,
            "the commerce-review reminder recorded no lag");
    }

    [Fact]
    public async Task OrleansAndAspNetCoreMetricsAreScrapedToo()
    {
        await _api.Get("/health/ready");

        var scrape = (await _api.Get("/metrics")).Body;

        Assert.True(scrape.Contains("http_server_request_duration_seconds", StringComparison.Ordinal), scrape);
        Assert.Contains("orleans_", scrape, StringComparison.Ordinal);
    }

    private async Task<double> Sample(string name, params string[] labels) =>
        Metrics.Sample((await _api.Get("/metrics")).Body, name, labels);

    private Task<Reply> Permit(TestAccount account, string customer, string type) =>
        _api.Post(account.Number + "/permits", new { customer, type, messageId = Ids.MessageId() });
}
