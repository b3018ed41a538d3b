using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Durability.Tests.Support;

/// <summary>
/// Every answer of the chaos run, by kind. Only a 200 acknowledges; a 503 (with its code and
/// <c>Retry-After</c>) and a call that never got an answer (refused connection, reset, timeout) promise
/// nothing and are retried; any other answer is wrong and kept for the failure message.
/// </summary>
public sealed class ChaosLedger
{
    private static readonly JsonSerializerOptions Json = HttpAccount.Json;

    public ConcurrentDictionary<ChaosOp, WindowView> Windows { get; } = new();

    public ConcurrentDictionary<ChaosOp, PermitDecision> Permits { get; } = new();

    /// <summary>Requests with no acknowledgement yet (the last failure's kind).</summary>
    public ConcurrentDictionary<ChaosOp, string> Pending { get; } = new();

    /// <summary>Answers that are neither 200 nor a well-formed 503: the run fails on any.</summary>
    public ConcurrentBag<string> WrongAnswers { get; } = [];

    public ConcurrentDictionary<string, int> Unavailable { get; } = new();

    public ConcurrentDictionary<string, int> NoAnswer { get; } = new();

    public int Answered => Windows.Count + Permits.Count;

    /// <summary>Every answer received (a 200 or a 503; a request sent again counts again).</summary>
    public int Responses => Volatile.Read(ref _responses);

    private int _responses;

    /// <summary>Acknowledged template grants that counted a recipient.</summary>
    public IEnumerable<(ChaosOp Op, PermitDecision Decision)> CountedGrants =>
        Permits.Where(p => p.Key.Kind == ChaosKind.Template && p.Value.Allowed && p.Value.TemplateRecipients is not null).Select(p => (p.Key, p.Value));

    public int SessionGrants => Permits.Count(p => p.Key.Kind == ChaosKind.Session && p.Value.Allowed);

    public string Summary =>
        $"{Windows.Count} windows, {CountedGrants.Count()} template and {SessionGrants} session grants acknowledged, " +
        $"{Permits.Values.Count(d => !d.Allowed)} denials; 503: {Join(Unavailable)}; no answer: {Join(NoAnswer)}; " +
        $"{Pending.Count} pending; {WrongAnswers.Count} wrong answers";

    /// <summary>Sends <paramref name="op"/> to <paramref name="http"/> and records what came back.</summary>
    public async Task SendAsync(HttpClient http, ChaosOp op)
    {
        var number = op.Account.Number(op.Phone);
        try
        {
            using var response = op.Kind switch
            {
                ChaosKind.Inbound => await http.PostAsJsonAsync(number + "/inbound", new { customer = op.Customer, messageId = op.MessageId, timestamp = op.Timestamp }, Json),
                ChaosKind.Session => await http.PostAsJsonAsync(number + "/permits", new { customer = op.Customer, type = MessageKind.Session, messageId = op.MessageId }, Json),
                _ => await http.PostAsJsonAsync(number + "/permits", new { customer = op.Customer, type = MessageKind.Template, messageId = op.MessageId }, Json),
            };
            await RecordAsync(op, response);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            Pending[op] = "no answer";
            NoAnswer.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
        }
    }

    private async Task RecordAsync(ChaosOp op, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Interlocked.Increment(ref _responses);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            if (op.Kind == ChaosKind.Inbound)
            {
                Windows[op] = JsonSerializer.Deserialize<WindowView>(body, Json)!;
            }
            else
            {
                Permits[op] = JsonSerializer.Deserialize<PermitDecision>(body, Json)!;
            }

            Pending.TryRemove(op, out _);
            return;
        }

        if (response.StatusCode == HttpStatusCode.ServiceUnavailable && UnavailableCode(response, body) is { } code)
        {
            Pending[op] = "503 " + code;
            Unavailable.AddOrUpdate(code, 1, (_, n) => n + 1);
            return;
        }

        Pending[op] = $"{(int)response.StatusCode}";
        WrongAnswers.Add($"{op.Kind} {op.MessageId} via {response.RequestMessage?.RequestUri?.Authority}: {(int)response.StatusCode} {body}");
    }

    /// <summary>The problem's code when the 503 is a retriable problem+json with <c>Retry-After</c>; null otherwise.</summary>
    private static string? UnavailableCode(HttpResponseMessage response, string body)
    {
        if (response.Headers.RetryAfter is null || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Join(ConcurrentDictionary<string, int> counts) =>
        counts.IsEmpty ? "none" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value}× {c.Key}"));
}
