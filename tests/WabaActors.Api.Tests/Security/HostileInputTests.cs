using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// Input no client should send, at every POST and PUT: always a 4xx RFC 9457 problem with a stable
/// code (never a 5xx), and nothing changes.
/// </summary>
[Collection(ApiCollection.Name)]
public class HostileInputTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    // Names only: the client is needed when a valid body is made, not to list the calls.
    public static TheoryData<string> Endpoints => [.. Endpoint.All(api: null!).Select(e => e.Name)];

    public static TheoryData<string> BodyEndpoints => [.. Endpoint.All(api: null!).Where(e => e.ReadsBody).Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task HostileBodiesAre4xxProblemsAndChangeNothing(string name)
    {
        var endpoint = Endpoint.All(_api).Single(e => e.Name == name);
        var live = await _api.LiveAsync();
        var ghost = TestAccount.Fresh();
        var before = await _api.Snapshot(live);
        var clock = await _api.Now();
        var failures = new List<string>();

        foreach (var target in endpoint.HasAccount ? new[] { live, ghost } : [live])
        {
            foreach (var request in Hostile.Requests(endpoint, await endpoint.ValidBody()))
            {
                var reply = await _api.SendRaw(endpoint.Method, endpoint.Path(target), request.Body, request.ContentType);
                Collect(failures, $"{(target == live ? "live" : "unknown")} account, {request.Label}", reply, request.Status, request.Code);
            }
        }

        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join('\n', failures));
        Assert.Equal(before, await _api.Snapshot(live));
        (await _api.Get(ghost.Path)).Problem(HttpStatusCode.NotFound, "not_found");
        Assert.InRange(await _api.Now() - clock, TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task MalformedPathSegmentsAre400NamingThem(string name)
    {
        var endpoint = Endpoint.All(_api).Single(e => e.Name == name);
        if (!endpoint.HasAccount)
        {
            return;
        }

        var live = await _api.LiveAsync();
        var before = await _api.Snapshot(live);
        var variants = new List<(string Label, TestAccount Target, string Field)>
        {
            ("uppercase tenant", live with { Tenant = live.Tenant.ToUpperInvariant() }, "tenant"),
            ("65-character tenant", live with { Tenant = new string('t', 65) }, "tenant"),
            ("tenant with a dot", live with { Tenant = live.Tenant + ".x" }, "tenant"),
            ("waba with an escaped slash", live with { Waba = live.Waba + "%2Fx" }, "waba"),
            ("65-character waba", live with { Waba = new string('w', 65) }, "waba"),
        };
        if (endpoint.HasPhone)
        {
            variants.Add(("phone with '+'", live with { Phone = "+" + live.Phone }, "phone"));
            variants.Add(("phone with an escaped '+'", live with { Phone = "%2B" + live.Phone }, "phone"));
            variants.Add(("phone with letters", live with { Phone = live.Phone[..^2] + "ab" }, "phone"));
            variants.Add(("phone too long", live with { Phone = live.Phone + "1234" }, "phone"));
        }

        var failures = new List<string>();
        foreach (var (label, target, field) in variants)
        {
            var reply = await _api.SendRaw(endpoint.Method, endpoint.Path(target), Encoding.UTF8.GetBytes((await endpoint.ValidBody()).ToJsonString()));
            Collect(failures, label, reply, 400, "validation_failed", field);
        }

        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join('\n', failures));
        Assert.Equal(before, await _api.Snapshot(live));
    }

    [Fact]
    public async Task MalformedPathSegmentsOfReadsAre400NamingThem()
    {
        var live = await _api.LiveAsync();
        var failures = new List<string>();
        foreach (var (path, field) in new[]
        {
            ($"/v1/tenants/{live.Tenant.ToUpperInvariant()}/accounts/{live.Waba}", "tenant"),
            ($"/v1/tenants/{new string('t', 65)}/accounts/{live.Waba}/events", "tenant"),
            ($"{live.Path}/numbers/+{live.Phone}", "phone"),
            ($"{live.Path}/numbers/{live.Phone[..^1]}x/windows/{Ids.Customer()}", "phone"),
            ($"{live.Number}/windows/12345678a", "customer"),
            ($"{live.Number}/windows/%2B12345678", "customer"),
            ($"/v1/admin/simulator/numbers/+{live.Phone}/verification-code", "phone"),
        })
        {
            Collect(failures, path, await _api.Get(path), 400, "validation_failed", field);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task BodyOver1MiBIs413(string name)
    {
        var endpoint = Endpoint.All(_api).Single(e => e.Name == name);
        var live = await _api.LiveAsync();
        var before = await _api.Snapshot(live);
        var field = endpoint.Fields[0].Name;

        var tooLarge = await _api.SendRaw(endpoint.Method, endpoint.Path(live), Padded(field, 1024 * 1024 + 1), expectContinue: true);
        var chunked = await SendChunked(endpoint, live, Padded(field, 1024 * 1024 + 1));
        var justUnder = await _api.SendRaw(endpoint.Method, endpoint.Path(live), Padded(field, 1024 * 1024));

        tooLarge.Problem(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        chunked.Problem(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.True((int)justUnder.Status is >= 400 and < 500, $"{(int)justUnder.Status}: {justUnder.Body}");
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, justUnder.Status);
        Assert.Equal(before, await _api.Snapshot(live));
    }

    /// <summary>A JSON object whose one string member pads it to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] Padded(string field, int size)
    {
        var overhead = Encoding.UTF8.GetByteCount($$"""{"{{field}}":""}""");
        var body = Encoding.UTF8.GetBytes($$"""{"{{field}}":"{{new string('x', size - overhead)}}"}""");
        Assert.Equal(size, body.Length);
        return body;
    }

    private async Task<Reply> SendChunked(Endpoint endpoint, TestAccount target, byte[] body)
    {
        using var request = new HttpRequestMessage(endpoint.Method, endpoint.Path(target))
        {
            Content = new StreamContent(new UnknownLengthStream(body)),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.ExpectContinue = true;
        return await Reply.ReadAsync(await _api.Http.SendAsync(request));
    }

    private static void Collect(List<string> failures, string label, Reply reply, int? status, string? code, string? errorField = null)
    {
        var problem = ProblemOf(reply);
        var actualCode = (string?)problem?["code"];
        string? why = null;
        if ((int)reply.Status >= 500)
        {
            why = "a 5xx";
        }
        else if ((int)reply.Status is < 400 or >= 500)
        {
            why = "not a 4xx";
        }
        else if (status is { } s && (int)reply.Status != s)
        {
            why = $"expected {s}";
        }
        else if (reply.MediaType != "application/problem+json" || problem is null)
        {
            why = "not application/problem+json";
        }
        else if (string.IsNullOrEmpty(actualCode) || (code is not null && actualCode != code))
        {
            why = $"expected code {code ?? "(any)"}";
        }
        else if ((int?)problem["status"] != (int)reply.Status)
        {
            why = "problem status differs";
        }
        else if (actualCode == "validation_failed" && problem["errors"] is not JsonObject { Count: > 0 } errors)
        {
            why = "validation_failed without errors";
        }
        else if (errorField is not null && problem["errors"]?[errorField] is null)
        {
            why = $"errors does not name '{errorField}'";
        }

        if (why is not null)
        {
            failures.Add($"  {label}: {why}; got {(int)reply.Status} {reply.MediaType} {Truncate(reply.Body)}");
        }
    }

    private static JsonNode? ProblemOf(Reply reply)
    {
        try
        {
            return JsonNode.Parse(reply.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Truncate(string body) => body.Length <= 300 ? body : body[..300] + "…";

    /// <summary>A stream that hides its length, so the client sends the body chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
