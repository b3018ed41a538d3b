using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WabaActors.Tests.Shared;

/// <summary>
/// 360dialog's Partner API on 127.0.0.1 (Kestrel, port 0, in the test process). By default it answers
/// as documented: <c>{"success": true}</c> for request_code / register, verify_code accepts
/// <see cref="RightCode"/> and refuses any other with a 400 error envelope, the channel list has one
/// channel with <see cref="BillingStartedAt"/>. A test queues other replies per operation and number
/// (<see cref="Next"/>): a status with a body and headers, bad JSON, or <see cref="StubReply.Hang"/>
/// (never answers). Every request is counted per operation and number.
/// </summary>
public sealed class Dialog360Stub : IAsyncDisposable
{
    public const string PartnerId = "stubPA";
    public const string PartnerKey = "stub-partner-key-5f2c9e7a";
    public const string RightCode = "246810";
    public static readonly DateTimeOffset BillingStartedAt = new(2026, 11, 2, 8, 30, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(StubOperation, string), ConcurrentQueue<StubReply>> _scripts = new();
    private readonly ConcurrentDictionary<(StubOperation, string), int> _counts = new();
    private readonly ConcurrentQueue<JsonNode?> _bodies = new();

    private Dialog360Stub(WebApplication app) => _app = app;

    /// <summary>The base URL to configure (<c>WabaActors:Dialog360:BaseUrl</c>).</summary>
    public string BaseUrl { get; private set; } = "";

    private int _unauthenticated;

    /// <summary>Requests that came without the right partner key (answered 401).</summary>
    public int Unauthenticated => Volatile.Read(ref _unauthenticated);

    public static async Task<Dialog360Stub> StartAsync()
    {
        var app = LoopbackServer.Create();
        var stub = new Dialog360Stub(app);
        var numbers = "/api/v2/partners/{partner}/phone_numbers/{phone}";
        app.MapPost(numbers + "/request_code", (HttpContext c, string phone) => stub.Answer(c, StubOperation.RequestCode, phone));
        app.MapPost(numbers + "/verify_code", (HttpContext c, string phone) => stub.Answer(c, StubOperation.VerifyCode, phone));
        app.MapPost(numbers + "/register", (HttpContext c, string phone) => stub.Answer(c, StubOperation.Register, phone));
        app.MapGet("/api/v2/partners/{partner}/channels", (HttpContext c) => stub.Answer(c, StubOperation.Channel, PhoneOf(c)));
        stub.BaseUrl = await LoopbackServer.StartAsync(app) + "/api/v2/";
        return stub;
    }

    /// <summary>The next replies of <paramref name="operation"/> for <paramref name="phone"/>, in order; then the default again.</summary>
    public void Next(string phone, StubOperation operation, params StubReply[] replies)
    {
        var queue = _scripts.GetOrAdd((operation, phone), _ => new ConcurrentQueue<StubReply>());
        foreach (var reply in replies)
        {
            queue.Enqueue(reply);
        }
    }

    public int Count(string phone, StubOperation operation) => _counts.GetValueOrDefault((operation, phone));

    /// <summary>The JSON bodies of the POSTs received, oldest first.</summary>
    public IReadOnlyList<JsonNode?> Bodies => [.. _bodies];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task Answer(HttpContext context, StubOperation operation, string phone)
    {
        _counts.AddOrUpdate((operation, phone), 1, (_, n) => n + 1);
        if (context.Request.Headers["x-api-key"] != PartnerKey)
        {
            Interlocked.Increment(ref _unauthenticated);
            await Write(context, StubReply.Json(401, """{"detail":"Invalid API key"}"""));
            return;
        }

        JsonNode? body = null;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            body = await JsonNode.ParseAsync(context.Request.Body);
            _bodies.Enqueue(body);
        }

        if (_scripts.TryGetValue((operation, phone), out var queue) && queue.TryDequeue(out var scripted))
        {
            await Write(context, scripted);
            return;
        }

        await Write(context, operation switch
        {
            StubOperation.VerifyCode when body?["code"]?.GetValue<string>() != RightCode => StubReply.WrongCode,
            StubOperation.Channel => StubReply.Channel(phone, "ready", BillingStartedAt),
            _ => StubReply.Success,
        });
    }

    private static async Task Write(HttpContext context, StubReply reply)
    {
        if (reply.Hangs)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body);
    }

    private static string PhoneOf(HttpContext context)
    {
        var filters = JsonNode.Parse(context.Request.Query["filters"].ToString() is { Length: > 0 } f ? f : "{}");
        return filters?["setup_info.phone_number"]?.GetValue<string>() ?? "";
    }
}

public enum StubOperation
{
    RequestCode,
    VerifyCode,
    Register,
    Channel,
}

/// <summary>One reply of the stub.</summary>
public sealed record StubReply(int Status, string Body)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public bool Hangs { get; init; }

    public static StubReply Success { get; } = Json(200, """{"success":true}""");

    /// <summary>The Graph-style error envelope 360dialog passes on for a wrong code.</summary>
    public static StubReply WrongCode { get; } = Json(400,
        """{"error":{"message":"Verification code is incorrect","type":"OAuthException","code":136025,"error_data":{"messaging_product":"whatsapp","details":"Code couldn't be verified"}}}""");

    public static StubReply Hang { get; } = new(0, "") { Hangs = true };

    public static StubReply BadJson { get; } = Json(200, """{"success": tru""");

    public static StubReply Json(int status, string body) => new(status, body);

    public static StubReply TooManyRequests(int retryAfterSeconds) =>
        Json(429, """{"detail":"Too many requests"}""") with { Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) } };

    public static StubReply ServerError(int status) => Json(status, """{"detail":"Internal error"}""");

    public static StubReply Channel(string phone, string status, DateTimeOffset? billingStartedAt) => Json(200, new JsonObject
    {
        ["count"] = 1,
        ["total"] = 1,
        ["offset"] = 0,
        ["limit"] = 1000,
        ["partner_channels"] = new JsonArray(new JsonObject
        {
            ["id"] = "ch_" + phone,
            ["status"] = status,
            ["billing_started_at"] = billingStartedAt?.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["setup_info"] = new JsonObject { ["phone_number"] = phone },
        }),
    }.ToJsonString());

    public static StubReply NoChannel { get; } = Json(200, """{"count":0,"total":0,"offset":0,"limit":1000,"partner_channels":[]}""");
}
