using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace WabaActors.Benchmarks;

/// <summary>
/// The <c>http-setup</c> mode: readies a running host (embedded default, simulated gateway) for the
/// permit load of <c>WrkPermits.lua</c>, over its public HTTP API only. Onboards
/// <c>accounts</c> live accounts (business verification <c>verified</c>, so up to 20 numbers and
/// 1,000 template recipients each) with <c>numbers</c> registered numbers each (codes read from the
/// simulator), opens <c>windows</c> customer-service windows per number and counts <c>counted</c>
/// template recipients per account (customers with no window). Writes one line per number for wrk:
/// <c>path windowBase windows countedBase counted</c>; customer k is <c>4207</c> + k in 8 digits.
/// </summary>
public sealed class HttpSetup(HttpClient http, int accounts, int numbers, int windows, int counted)
{
    private const int CountedBase = 50_000_000;
    private readonly string _run = DateTime.UtcNow.ToString("HHmmssff", CultureInfo.InvariantCulture);
    private readonly int _phoneSeed = (int)(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond % 100);

    public static async Task<int> RunAsync(string url, int accounts, int numbers, int windows, int counted, string? outPath)
    {
        if (numbers is < 1 or > 20 || windows < 1 || counted is < 0 or > 1000 || (long)accounts * numbers * windows >= CountedBase)
        {
            Console.Error.WriteLine("http-setup: numbers 1–20, windows ≥ 1, counted 0–1,000, accounts × numbers × windows < 50M");
            return 2;
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };

        // A host with API keys (Auth:ApiKeys) is set up with an operator key given in WABA_BENCH_KEY.
        if (Environment.GetEnvironmentVariable("WABA_BENCH_KEY") is { Length: > 0 } key)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }
        var setup = new HttpSetup(http, accounts, numbers, windows, counted);
        var started = Stopwatch.GetTimestamp();
        var lines = await setup.RunAsync();
        var text = string.Join('\n', lines) + "\n";
        if (outPath is null)
        {
            Console.Write(text);
        }
        else
        {
            await File.WriteAllTextAsync(outPath, text);
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"http-setup: {accounts} accounts, {accounts * numbers} numbers, {accounts * numbers * windows:N0} open windows, "
            + $"{accounts * counted:N0} counted recipients in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s{(outPath is null ? "" : " -> " + outPath)}"));
        return 0;
    }

    public static string Customer(int k) => "4207" + k.ToString("D8", CultureInfo.InvariantCulture);

    private async Task<List<string>> RunAsync()
    {
        var lines = new string[accounts * numbers];
        await Parallel.ForEachAsync(Enumerable.Range(0, accounts), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (a, _) =>
        {
            var path = await Onboard(a);
            for (var n = 0; n < numbers; n++)
            {
                lines[a * numbers + n] = string.Create(CultureInfo.InvariantCulture,
                    $"{path}/numbers/{Phone(a, n)} {(a * numbers + n) * windows} {windows} {CountedBase + a * counted} {counted}");
            }
        });

        // Windows: one inbound message per (number, customer); then the account's counted recipients.
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        await Parallel.ForEachAsync(Enumerable.Range(0, accounts * numbers * windows), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (w, _) =>
        {
            var line = lines[w / windows].Split(' ');
            var window = await Call(HttpMethod.Post, line[0] + "/inbound", new { customer = Customer(w), messageId = $"setup-in-{w}", timestamp = now });
            Require(window["open"]?.GetValue<bool>() == true, $"inbound {line[0]} {Customer(w)}: window not open: {window.ToJsonString()}");
        });
        await Parallel.ForEachAsync(Enumerable.Range(0, accounts * counted), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) =>
        {
            var number = lines[c / counted * numbers].Split(' ')[0];
            var decision = await Call(HttpMethod.Post, number + "/permits", new { customer = Customer(CountedBase + c), type = "template", messageId = $"setup-count-{c}" });
            Require(decision["allowed"]?.GetValue<bool>() == true, $"count {number} {Customer(CountedBase + c)}: {decision.ToJsonString()}");
        });

        // The three kinds of permit the load sends, once each on the first number: all allowed.
        var first = lines[0].Split(' ');
        foreach (var (customer, type) in new[] { (Customer(0), "session"), (Customer(0), "template"), (Customer(CountedBase), "template") })
        {
            var decision = await Call(HttpMethod.Post, first[0] + "/permits", new { customer, type, messageId = $"setup-check-{customer}-{type}" });
            Require(decision["allowed"]?.GetValue<bool>() == true, $"check {type} {customer}: {decision.ToJsonString()}");
        }

        return [.. lines];
    }

    private async Task<string> Onboard(int a)
    {
        var path = $"/v1/tenants/bench/accounts/bench-{_run}-{a}";
        await Call(HttpMethod.Put, path, new { name = "Bench" });
        await Call(HttpMethod.Post, path + "/onboarding/user-account", new { email = "bench@acme.example" });
        await Call(HttpMethod.Post, path + "/onboarding/user-account/confirmation", new { });
        await Call(HttpMethod.Post, path + "/onboarding/business-manager",
            new { businessManagerId = $"{_run}{a}", isAdmin = true, officialName = "Bench s.r.o.", website = "https://bench.example" });
        await Call(HttpMethod.Post, path + "/onboarding/company-profile",
            new { officialName = "Bench s.r.o.", industryCategory = "shopping_retail", description = "Benchmark account." });
        await Call(HttpMethod.Post, path + "/business-verification", new { status = "verified" });
        if (BenchTemplates.Named)
        {
            await Call(HttpMethod.Put, path + "/templates/order_update/en_US", new { category = "utility", status = "approved" });
        }

        for (var n = 0; n < numbers; n++)
        {
            var phone = Phone(a, n);
            await Call(HttpMethod.Post, path + "/numbers", new { phoneNumber = "+" + phone, verificationMethod = "sms", inUseInWhatsAppApp = false });
            var code = (await Call(HttpMethod.Get, $"/v1/admin/simulator/numbers/{phone}/verification-code"))["code"]!.GetValue<string>();
            var number = await Call(HttpMethod.Post, $"{path}/numbers/{phone}/verification", new { code });
            Require(number["status"]?.GetValue<string>() == "registered", $"{phone} not registered: {number.ToJsonString()}");
        }

        return path;
    }

    private string Phone(int a, int n) => string.Create(CultureInfo.InvariantCulture, $"4209{_phoneSeed:D2}{a * numbers + n:D6}");

    private async Task<JsonNode> Call(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType());
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Require(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text) ?? new JsonObject();
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("http-setup: " + what);
        }
    }
}
