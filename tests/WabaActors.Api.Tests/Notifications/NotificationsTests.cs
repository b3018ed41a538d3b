using System.Diagnostics;
using System.Globalization;
using WabaActors.Api.Tests.Support;
using WabaActors.Tests.Shared;
using static WabaActors.Tests.Shared.StubReceiver;

namespace WabaActors.Api.Tests;

/// <summary>Outbound notifications (ADR 0012): every account event reaches the endpoint, signed, in order, at least once.</summary>
[Collection(NotificationsCollection.Name)]
public class NotificationsTests(NotificationsFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly ApiClient _api = fixture.Api;
    private readonly StubReceiver _receiver = fixture.Receiver;

    [Fact]
    public async Task EveryEventArrivesOnceInOrderSignedWithItsStableId()
    {
        var account = await _api.LiveAsync();
        var history = await _api.Events(account);

        await DeliveredAsync(account, history.Count);

        var requests = _receiver.RequestsFor(account.Waba);
        Assert.All(requests, r =>
        {
            Assert.True(r.SignatureValid, "signature");
            Assert.Equal(200, r.Status);
            Assert.Equal((account.Tenant, account.Waba), (r.Payload.Tenant, r.Payload.Waba));
            Assert.InRange(r.Payload.Events.Count, 1, 3);
            Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal);
        });
        var delivered = _receiver.Delivered(account.Waba);
        Assert.Equal(history.Select(e => long.Parse(e.Str("id")!, CultureInfo.InvariantCulture)), delivered.Select(e => e.Sequence));
        Assert.Equal(history.Select(e => e.Str("type")), delivered.Select(e => e.Type));
        Assert.Equal(history.Select(e => e.Instant("at")), delivered.Select(e => e.At));
        Assert.All(delivered, e => Assert.Equal($"{account.Waba}:{e.Sequence}", e.Id));
        Assert.Equal(account.Phone, delivered.Single(e => e.Type == "billing_started").Phone);
    }

    [Fact]
    public async Task AfterFailuresTheEventsArriveAfterTheBackoffStillInOrder()
    {
        var account = TestAccount.Fresh();
        _receiver.Plan(account.Waba, Answer.Fail(500), Answer.Fail(503));
        await _api.CreatedAsync(account);
        await FailedAsync(account, 1);

        // More changes while the endpoint fails: each pokes the notifier, none cuts its backoff short.
        (await _api.Post(account.Path + "/onboarding/user-account", Onboarding.Email)).Ok();
        (await _api.Post(account.Path + "/onboarding/user-account/confirmation")).Ok();
        Assert.Single(_receiver.RequestsFor(account.Waba));

        await _api.Advance(NotificationsFixture.FirstBackoff);
        await FailedAsync(account, 2);
        await _api.Advance(2 * NotificationsFixture.FirstBackoff);
        var history = await _api.Events(account);
        await DeliveredAsync(account, history.Count);

        var requests = _receiver.RequestsFor(account.Waba);
        Assert.Equal([500, 503], requests.Take(2).Select(r => r.Status));
        Assert.All(requests.Take(3), r => Assert.Equal(1, r.Payload.Events[0].Sequence));
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), _receiver.Delivered(account.Waba).Select(e => e.Sequence));
        Assert.Contains(fixture.Logs.Lines, l => l.Contains($"Notifications of {account.Waba}: attempt 1", StringComparison.Ordinal)
            && l.Contains("(500)", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Logs.Lines, l => l.Contains(StubReceiver.Secret, StringComparison.Ordinal));

        // The endpoint's host only: a receiver may keep a token in its path or query.
        Assert.DoesNotContain(fixture.Logs.Lines, l => l.Contains(_receiver.Endpoint.AbsolutePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A429RetryAfterLongerThanTheBackoffIsWaitedFor()
    {
        var account = TestAccount.Fresh();
        _receiver.Plan(account.Waba, Answer.Fail(429, retryAfter: 1800));
        await _api.CreatedAsync(account);

        await Eventually.Until(() => Task.FromResult(fixture.Logs.Lines.Any(l =>
            l.Contains($"Notifications of {account.Waba}: attempt 1", StringComparison.Ordinal))), Wait, "the failed attempt's log");
        var line = fixture.Logs.Lines.Single(l => l.Contains($"Notifications of {account.Waba}: attempt 1", StringComparison.Ordinal));
        Assert.Contains("(429); next attempt in 00:30:00", line, StringComparison.Ordinal);

        await _api.Advance(TimeSpan.FromMinutes(30));
        await DeliveredAsync(account, 1);
        Assert.Equal([429, 200], _receiver.RequestsFor(account.Waba).Select(r => r.Status));
    }

    [Fact]
    public async Task ARefusalIsRetriedAndLoggedAsLikelyMisconfiguration()
    {
        var account = TestAccount.Fresh();
        _receiver.Plan(account.Waba, Answer.Fail(401));
        await _api.CreatedAsync(account);

        await Eventually.Until(() => Task.FromResult(fixture.Logs.Lines.Any(l => l.StartsWith("Error", StringComparison.Ordinal)
            && l.Contains($"Notifications of {account.Waba}", StringComparison.Ordinal)
            && l.Contains("likely misconfiguration", StringComparison.Ordinal))), Wait, "the misconfiguration log");

        await _api.Advance(NotificationsFixture.FirstBackoff);
        await DeliveredAsync(account, 1);
    }

    [Fact]
    public async Task PermitsAndChangesAnswerPromptlyWhileTheEndpointHangs()
    {
        var account = TestAccount.Fresh();
        _receiver.Plan(account.Waba, [.. Enumerable.Repeat(Answer.Hangs, 50)]);
        var onboarding = Stopwatch.StartNew();
        await _api.AtStep4Async(account);
        (await _api.AddNumber(account, account.Phone)).Created();
        await _api.Register(account, account.Phone);
        onboarding.Stop();
        await Eventually.Until(() => Task.FromResult(fixture.Logs.Lines.Any(l =>
            l.Contains($"Notifications of {account.Waba}: attempt 1", StringComparison.Ordinal) && l.Contains("(timeout)", StringComparison.Ordinal))),
            Wait, "the hung attempt to time out");

        var permit = Stopwatch.StartNew();
        var decision = (await _api.Post(account.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() })).Ok();
        permit.Stop();

        Assert.True(decision.Bool("allowed"));
        Assert.True(permit.Elapsed < TimeSpan.FromSeconds(2), $"the permit took {permit.Elapsed}");
        Assert.True(onboarding.Elapsed < TimeSpan.FromSeconds(20), $"onboarding took {onboarding.Elapsed}");

        _receiver.Heal(account.Waba);
        await _api.Advance(NotificationsFixture.FirstBackoff);
        var history = await _api.Events(account);
        await DeliveredAsync(account, history.Count);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), _receiver.Delivered(account.Waba).Select(e => e.Sequence));
    }

    [Fact]
    public async Task MetricsCountDeliveriesFailuresByStatusAndTheLag()
    {
        var account = TestAccount.Fresh();
        var before = (await _api.Get("/metrics")).Body;
        _receiver.Plan(account.Waba, Answer.Fail(502));
        await _api.CreatedAsync(account);
        var failuresBefore = Metrics.Sample(before, "waba_notifications_failures_total", "status=\"502\"");
        var pending = before;
        await Eventually.Until(async () =>
        {
            pending = (await _api.Get("/metrics")).Body;
            return Metrics.Sample(pending, "waba_notifications_failures_total", "status=\"502\"") > failuresBefore;
        }, Wait, "the failed attempt counted");

        Assert.Equal(failuresBefore + 1, Metrics.Sample(pending, "waba_notifications_failures_total", "status=\"502\""));
        Assert.True(Metrics.Sample(pending, "waba_notifications_lag_seconds") > 0, "a pending event shows as lag");

        await _api.Advance(NotificationsFixture.FirstBackoff);
        await DeliveredAsync(account, 1);
        await Eventually.Until(async () => Metrics.Sample((await _api.Get("/metrics")).Body, "waba_notifications_lag_seconds") == 0,
            Wait, "the lag back to 0 once caught up");
        var after = (await _api.Get("/metrics")).Body;
        Assert.True(Metrics.Sample(after, "waba_notifications_delivered_total") >= Metrics.Sample(before, "waba_notifications_delivered_total") + 1);
    }

    /// <summary>Waits for the log of the failed attempt <paramref name="attempt"/>: its backoff wait is armed by then.</summary>
    private Task FailedAsync(TestAccount account, int attempt) =>
        Eventually.Until(() => Task.FromResult(fixture.Logs.Lines.Any(l => l.Contains($"Notifications of {account.Waba}:", StringComparison.Ordinal)
            && (l.Contains($"attempt {attempt} for", StringComparison.Ordinal) || l.Contains($"(attempt {attempt})", StringComparison.Ordinal)))),
            Wait, $"failed attempt {attempt} of {account.Waba} logged");

    private Task DeliveredAsync(TestAccount account, int events) =>
        Eventually.Until(() => Task.FromResult(_receiver.Delivered(account.Waba).Count >= events), Wait,
            $"{events} events of {account.Waba} delivered (have {_receiver.Delivered(account.Waba).Count})");
}
