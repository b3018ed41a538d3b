using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WabaActors.Contracts.Notifications;

namespace WabaActors.Tests.Shared;

/// <summary>
/// mluvii's side in the notification tests: Kestrel on 127.0.0.1 (a free port) recording every
/// request, checking its signature as docs/operations.md tells mluvii to, and answering 200 unless
/// told otherwise for an account (fail N times, 429 with Retry-After, hang until the caller gives up).
/// </summary>
public sealed class StubReceiver : IAsyncDisposable
{
    public const string Secret = "test-notification-secret-0123456789abcdef";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Answer>> _plans = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Received> _received = new();

    private StubReceiver(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every request so far, in arrival order (failed attempts included).</summary>
    public IReadOnlyList<Received> Requests => [.. _received];

    public static async Task<StubReceiver> StartAsync()
    {
        var app = LoopbackServer.Create();
        var stub = new StubReceiver(app);
        app.MapPost("/mluvii/events", stub.HandleAsync);
        stub.Endpoint = new Uri(await LoopbackServer.StartAsync(app) + "/mluvii/events");
        return stub;
    }

    /// <summary>The next requests about <paramref name="waba"/> get these answers, one each, then 200s.</summary>
    public void Plan(string waba, params Answer[] answers)
    {
        var plan = _plans.GetOrAdd(waba, _ => new ConcurrentQueue<Answer>());
        foreach (var answer in answers)
        {
            plan.Enqueue(answer);
        }
    }

    /// <summary>Drops what is left of the plan for <paramref name="waba"/>: from now on, 200s.</summary>
    public void Heal(string waba) => _plans.TryRemove(waba, out _);

    public IReadOnlyList<Received> RequestsFor(string waba) => [.. _received.Where(r => r.Payload.Waba == waba)];

    /// <summary>The events acknowledged with a 2xx for <paramref name="waba"/>, in arrival order (redeliveries included).</summary>
    public IReadOnlyList<NotificationEvent> Delivered(string waba) =>
        [.. RequestsFor(waba).Where(r => r.Status is >= 200 and < 300).SelectMany(r => r.Payload.Events)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var payload = JsonSerializer.Deserialize<NotificationPayload>(body, Json)!;
        var signed = NotificationSignature.Verify(
            Secret, context.Request.Headers[NotificationSignature.TimestampHeader], context.Request.Headers[NotificationSignature.SignatureHeader],
            body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        var answer = _plans.TryGetValue(payload.Waba, out var plan) && plan.TryDequeue(out var next) ? next : Answer.Ok;
        _received.Enqueue(new Received(payload, signed, answer.Hang ? 0 : answer.Status, context.Request.ContentType));
        if (answer.Hang)
        {
            // Until the sender gives up (its attempt timeout) or the stub stops.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>One planned answer: a status (and Retry-After seconds), or no answer at all.</summary>
    public sealed record Answer(int Status, int? RetryAfter = null, bool Hang = false)
    {
        public static readonly Answer Ok = new(200);
        public static readonly Answer Hangs = new(0, Hang: true);

        public static Answer Fail(int status, int? retryAfter = null) => new(status, retryAfter);
    }

    /// <summary>One request as the stub saw it: what it carried, whether its signature held, what it was answered (0: nothing).</summary>
    public sealed record Received(NotificationPayload Payload, bool SignatureValid, int Status, string? ContentType);
}
