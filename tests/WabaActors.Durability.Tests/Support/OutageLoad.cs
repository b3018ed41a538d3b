using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Durability.Tests.Support;

/// <summary>One HTTP answer of the load: its status, problem code and <c>Retry-After</c>, and when it came.</summary>
public sealed record LoadAnswer(TimeSpan At, string Call, int Status, string? Code, string? RetryAfter);

/// <summary>A live account and its registered numbers.</summary>
public sealed record LoadAccount(HttpAccount Account, string[] Phones);

/// <summary>
/// Steady load for as long as it runs, from several callers over several accounts: inbound messages of
/// new customers, template permits to new recipients, and session permits to customers whose inbound
/// message was acknowledged. Every answer is kept (status, code, Retry-After), and so is what was
/// acknowledged: each window (a 200 to an inbound message) and each template grant that counted a recipient.
/// </summary>
public sealed class OutageLoad(HttpClient http, IReadOnlyList<LoadAccount> accounts, Stopwatch clock)
{
    private long _acknowledged;

    public ConcurrentQueue<LoadAnswer> Answers { get; } = new();

    /// <summary>Calls that got no HTTP answer at all (a lost connection, the client's timeout).</summary>
    public ConcurrentQueue<string> Unanswered { get; } = new();

    public ConcurrentDictionary<(LoadAccount Account, string Phone, string Customer), WindowView> Windows { get; } = new();

    /// <summary>Acknowledged template grants that counted a recipient: the message id answers the same when sent again.</summary>
    public ConcurrentDictionary<(LoadAccount Account, string Phone, string MessageId), (string Customer, PermitDecision Decision)> Grants { get; } = new();

    /// <summary>Answers 2xx so far.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public Task RunAsync(int callers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var account = accounts[(caller + n) % accounts.Count];
                var phone = account.Phones[n % account.Phones.Length];
                try
                {
                    var call = (n % 3) switch
                    {
                        0 => InboundAsync(account, phone),
                        1 => TemplateAsync(account, phone),
                        _ => SessionAsync(account, phone),
                    };
                    await call;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Unanswered.Enqueue($"{clock.Elapsed.TotalSeconds:0.0} s: {e.GetType().Name} {e.Message}");
                }
            }
        })));

    private async Task InboundAsync(LoadAccount account, string phone)
    {
        var customer = Ids.Customer();
        using var response = await http.PostAsJsonAsync(account.Account.Number(phone) + "/inbound",
            new { customer, messageId = Ids.Message(), timestamp = DateTimeOffset.UtcNow.AddMinutes(-1) }, HttpAccount.Json);
        if (await RecordAsync("inbound", response) is { } body)
        {
            Windows[(account, phone, customer)] = body.Deserialize<WindowView>(HttpAccount.Json)!;
        }
    }

    private async Task TemplateAsync(LoadAccount account, string phone)
    {
        var (customer, messageId) = (Ids.Customer(), Ids.Message());
        using var response = await PermitAsync(http, account, phone, customer, MessageKind.Template, messageId);
        if (await RecordAsync("template", response) is { } body
            && body.Deserialize<PermitDecision>(HttpAccount.Json) is { Allowed: true, TemplateRecipients: not null } decision)
        {
            Grants[(account, phone, messageId)] = (customer, decision);
        }
    }

    private async Task SessionAsync(LoadAccount account, string phone)
    {
        var open = Windows.Keys.FirstOrDefault(w => w.Account == account && w.Phone == phone);
        if (open.Customer is null)
        {
            await InboundAsync(account, phone);
            return;
        }

        using var response = await PermitAsync(http, account, phone, open.Customer, MessageKind.Session, Ids.Message());
        await RecordAsync("session", response);
    }

    public static Task<HttpResponseMessage> PermitAsync(HttpClient to, LoadAccount account, string phone, string customer, MessageKind type, string messageId) =>
        to.PostAsJsonAsync(account.Account.Number(phone) + "/permits", new { customer, type, messageId }, HttpAccount.Json);

    /// <summary>Keeps the answer; the body of a 2xx (acknowledged), null otherwise.</summary>
    private async Task<JsonElement?> RecordAsync(string call, HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        JsonElement? body = text.Length > 0 && text[0] == '{' ? JsonDocument.Parse(text).RootElement.Clone() : null;
        var code = status >= 300 && body is { } problem && problem.TryGetProperty("code", out var c) ? c.GetString() : null;
        Answers.Enqueue(new LoadAnswer(clock.Elapsed, call, status, code, response.Headers.RetryAfter?.ToString()));
        if (status is >= 200 and < 300)
        {
            Interlocked.Increment(ref _acknowledged);
            return body;
        }

        return null;
    }
}
