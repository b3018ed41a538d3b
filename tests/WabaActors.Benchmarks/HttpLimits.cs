using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace WabaActors.Benchmarks;

/// <summary>
/// The <c>http-limits</c> mode: raises the template-recipient limit of every account http-setup made
/// (the accounts in its numbers file) the way Meta does, by a signed <c>business_capability_update</c>
/// webhook (<c>max_daily_conversations_per_business</c>, e.g. <c>TIER_UNLIMITED</c>), so that a long
/// run of templates to new recipients is never denied for quota. The host needs
/// <c>WabaActors__Webhooks__AppSecret</c> set to the same secret.
/// </summary>
public static class HttpLimits
{
    public static async Task<int> RunAsync(string url, string numbersPath, string secret, string tier)
    {
        var accounts = (await File.ReadAllLinesAsync(numbersPath))
            .Select(l => l.Split(' ')[0]).Where(p => p.Contains("/numbers/", StringComparison.Ordinal))
            .Select(p => p[..p.IndexOf("/numbers/", StringComparison.Ordinal)]).Distinct().ToList();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        foreach (var account in accounts)
        {
            var waba = account[(account.LastIndexOf('/') + 1)..];
            var body = $$$"""{"object":"whatsapp_business_account","entry":[{"id":"{{{waba}}}","changes":[{"field":"business_capability_update","value":{"max_daily_conversations_per_business":"{{{tier}}}"}}]}]}""";
            var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks/whatsapp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Hub-Signature-256", signature);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var receipt = response.IsSuccessStatusCode ? JsonNode.Parse(text) : null;
            if (receipt?["applied"]?.GetValue<int>() != 1 && receipt?["unchanged"]?.GetValue<int>() != 1)
            {
                Console.Error.WriteLine($"http-limits: {waba}: {(int)response.StatusCode} {text}");
                return 1;
            }
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"http-limits: {accounts.Count} accounts at {tier} template recipients"));
        return 0;
    }
}
