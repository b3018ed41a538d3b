using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Durability.Tests.Support;

/// <summary>An account driven over the host's HTTP API (the HTTP contract, served as OpenAPI at /openapi/v1.json), on whichever host process is current.</summary>
public sealed record HttpAccount(string Tenant, string Waba)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Path => $"/v1/tenants/{Tenant}/accounts/{Waba}";

    public string Number(string phone) => $"{Path}/numbers/{phone}";

    /// <summary>Steps 1–4 over HTTP; each number registered with the code read from the simulator.</summary>
    public static async Task<HttpAccount> LiveAsync(HttpClient http, params string[] phones)
    {
        var account = new HttpAccount("tenant-" + Ids.Short(), "waba-" + Ids.Short());
        await Expect(http.PutAsJsonAsync(account.Path, new { name = "Acme" }, Json), HttpStatusCode.Created);
        await Expect(http.PostAsJsonAsync(account.Path + "/onboarding/user-account", new { email = "ops@acme.example" }, Json));
        await Expect(http.PostAsJsonAsync(account.Path + "/onboarding/user-account/confirmation", new { }, Json));
        await Expect(http.PostAsJsonAsync(account.Path + "/onboarding/business-manager",
            new { businessManagerId = Ids.BusinessManager(), isAdmin = true, officialName = "Acme s.r.o.", website = "https://acme.example" }, Json));
        await Expect(http.PostAsJsonAsync(account.Path + "/onboarding/company-profile",
            new { officialName = "Acme s.r.o.", industryCategory = "shopping_retail", description = "We sell things." }, Json));
        foreach (var phone in phones)
        {
            await Expect(http.PostAsJsonAsync(account.Path + "/numbers", new { phoneNumber = "+" + phone, verificationMethod = "sms", inUseInWhatsAppApp = false }, Json),
                HttpStatusCode.Created);
            var code = (await Expect(http.GetAsync($"/v1/admin/simulator/numbers/{phone}/verification-code"))).GetProperty("code").GetString();
            var number = await Expect(http.PostAsJsonAsync(account.Number(phone) + "/verification", new { code }, Json));
            Assert.Equal("registered", number.GetProperty("status").GetString());
        }

        Assert.Equal("live", (await Expect(http.GetAsync(account.Path))).GetProperty("status").GetString());
        return account;
    }

    /// <summary>A load request: the decoded answer of a 200, or a refusal's text for any other 4xx; a 5xx or a lost connection throws (not acknowledged).</summary>
    public async Task<object> SendAsync(HttpClient http, LoadOp op)
    {
        using var response = op.Kind == OpKind.Inbound
            ? await http.PostAsJsonAsync(Number(op.Phone) + "/inbound", new { customer = op.Customer, messageId = op.MessageId, timestamp = op.Timestamp }, Json)
            : await http.PostAsJsonAsync(Number(op.Phone) + "/permits", new { customer = op.Customer, type = MessageKind.Template, messageId = op.MessageId }, Json);
        if ((int)response.StatusCode >= 500)
        {
            throw new HttpRequestException($"{(int)response.StatusCode}", null, response.StatusCode);
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
        }

        return op.Kind == OpKind.Inbound
            ? (await response.Content.ReadFromJsonAsync<WindowView>(Json))!
            : (await response.Content.ReadFromJsonAsync<PermitDecision>(Json))!;
    }

    public async Task<WindowView> WindowAsync(HttpClient http, string phone, string customer) =>
        (await Expect(http.GetAsync($"{Number(phone)}/windows/{customer}"))).Deserialize<WindowView>(Json)!;

    public async Task<JsonElement> ViewAsync(HttpClient http) => await Expect(http.GetAsync(Path));

    public async Task<string> EventsAsync(HttpClient http) => (await Expect(http.GetAsync(Path + "/events?limit=1000"))).GetRawText();

    public static async Task<JsonElement> Expect(Task<HttpResponseMessage> call, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode}, expected {(int)status}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
