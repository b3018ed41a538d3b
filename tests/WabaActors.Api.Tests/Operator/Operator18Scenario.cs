using System.Text.Json.Nodes;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// A live account with two numbers that sent, made through the API as a client would (issue 18): four templates,
/// billable permits of three categories, a free session reply, a denied one, and Meta's 131049 and 131050.
/// </summary>
internal sealed record Operator18Account(TestAccount Account, string Second, string Limited, string OptedOut, DateTimeOffset LimitedUntil)
{
    public string ActivityPath => $"/operator/accounts/{Account.Tenant}/{Account.Waba}/activity";
}

internal static class Operator18Scenario
{
    /// <summary>Billable decisions it makes: marketing 2 (first number), utility 1 and unknown 1 (second number).</summary>
    public static async Task<Operator18Account> SendingAsync(this ApiClient api)
    {
        var account = await api.LiveAsync();
        var second = Ids.Phone();
        (await api.AddNumber(account, second)).Created();
        await api.Register(account, second);
        await api.TemplateAsync(account, "spring_sale", "en_US", "marketing", "approved");
        await api.TemplateAsync(account, "order_update", "en_US", "utility", "approved");
        await api.TemplateAsync(account, "old_promo", "cs", "marketing", "disabled");
        await api.TemplateAsync(account, "login_code", "en_US", "authentication", "pending");

        var limited = Ids.Customer();
        var optedOut = Ids.Customer();
        var toLimited = await api.AllowedAsync(account.Number, limited, "spring_sale", "en_US", "marketing");
        await api.AllowedAsync(account.Number, Ids.Customer(), "spring_sale", "en_US", "marketing");
        var toOptedOut = await api.AllowedAsync(account.NumberOf(second), optedOut, "order_update", "en_US", "utility");
        await api.AllowedAsync(account.NumberOf(second), Ids.Customer(), null, null, "unknown");
        var denied = (await api.Post(account.Number + "/permits", Template(Ids.Customer(), "old_promo", "cs"))).Ok();
        Assert.Equal("template_not_approved", denied.Str("reason"));
        var replied = Ids.Customer();
        (await api.Post(account.NumberOf(second) + "/inbound", new { customer = replied, messageId = Ids.MessageId(), timestamp = Json.Iso(await api.Now()) })).Ok();
        var session = (await api.Post(account.NumberOf(second) + "/permits", new { customer = replied, type = "session", messageId = Ids.MessageId() })).Ok();
        Assert.False(session.Bool("pricing.billable"));

        var limit = await api.FailedAsync(account.Number, toLimited, limited, 131049);
        await api.FailedAsync(account.NumberOf(second), toOptedOut, optedOut, 131050);
        return new Operator18Account(account, second, limited, optedOut, limit.Instant("until"));
    }

    public static async Task TemplateAsync(this ApiClient api, TestAccount account, string name, string language, string category, string status)
    {
        var reply = await api.Put($"{account.Path}/templates/{name}/{language}", new { category, status });
        Assert.True(reply.Status is System.Net.HttpStatusCode.OK or System.Net.HttpStatusCode.Created, reply.Body);
        Assert.Equal(status, reply.Json.Str("status"));
    }

    /// <summary>An allowed template permit, billable in <paramref name="category"/>; its message id.</summary>
    private static async Task<string> AllowedAsync(this ApiClient api, string number, string customer, string? name, string? language, string category)
    {
        var body = Template(customer, name, language);
        var decision = (await api.Post(number + "/permits", body)).Ok();
        Assert.True(decision.Bool("allowed"), decision.ToJsonString());
        Assert.Equal(category, decision.Str("pricing.category"));
        Assert.True(decision.Bool("pricing.billable"));
        return (string)body["messageId"]!;
    }

    private static JsonObject Template(string customer, string? name, string? language)
    {
        var body = new JsonObject { ["customer"] = customer, ["type"] = "template", ["messageId"] = Ids.MessageId() };
        if (name is not null)
        {
            body["template"] = new JsonObject { ["name"] = name, ["language"] = language };
        }

        return body;
    }

    /// <summary>Meta failed the send <paramref name="messageId"/> with <paramref name="errorCode"/>: <c>POST …/outcomes</c>'s answer.</summary>
    public static async Task<JsonNode> FailedAsync(this ApiClient api, string number, string messageId, string customer, int errorCode) =>
        (await api.Post(number + "/outcomes", new { messageId, customer, status = "failed", errorCode })).Ok();
}
