using System.Text.Json.Nodes;

namespace WabaActors.Api.Tests.Support;

/// <summary>Issue 18's calls as a test makes them: templates in the registry, permits naming one, verdicts, windows.</summary>
public static class Sends
{
    public static string Template(this TestAccount account, string name, string language = "en_US") => $"{account.Path}/templates/{name}/{language}";

    /// <summary><c>PUT …/templates/{name}/{language}</c>, answered 200 with the view.</summary>
    public static async Task<JsonNode> PutTemplate(this ApiClient api, TestAccount account, string name, string status, string? category = null,
        DateTimeOffset? pausedUntil = null, string language = "en_US") =>
        (await api.Put(account.Template(name, language), new { status, category, pausedUntil })).Ok();

    /// <summary>The registry's entries, in order.</summary>
    public static async Task<JsonArray> Templates(this ApiClient api, TestAccount account) =>
        (await api.Get(account.Path + "/templates")).Ok()["templates"]!.AsArray();

    /// <summary>A template permit naming <paramref name="name"/> (none when null) with <paramref name="category"/> (none when null): the decision.</summary>
    public static async Task<JsonNode> TemplatePermit(this ApiClient api, TestAccount account, string customer, string? name = null, string? category = null,
        string language = "en_US") =>
        (await api.Post(account.Number + "/permits", new
        {
            customer, type = "template", messageId = Ids.MessageId(), template = name is null ? null : new { name, language }, category,
        })).Ok();

    public static async Task<JsonNode> SessionPermit(this ApiClient api, TestAccount account, string customer) =>
        (await api.Post(account.Number + "/permits", new { customer, type = "session", messageId = Ids.MessageId() })).Ok();

    /// <summary>The customer writes now: the window opens.</summary>
    public static async Task OpenWindow(this ApiClient api, TestAccount account, string customer, string? entryPoint = null) =>
        (await api.Post(account.Number + "/inbound", new { customer, messageId = Ids.MessageId(), timestamp = Json.Iso(await api.Now()), entryPoint })).Ok();

    /// <summary><c>POST …/outcomes</c>: a failed send to <paramref name="customer"/> with Meta's <paramref name="code"/>.</summary>
    public static Task<Reply> Outcome(this ApiClient api, TestAccount account, string customer, int? code, DateTimeOffset at, string status = "failed",
        string? messageId = null) =>
        api.Post(account.Number + "/outcomes", new { messageId = messageId ?? Ids.MessageId(), customer, status, errorCode = code, timestamp = Json.Iso(at) });

    /// <summary>A denied decision's reason, asserting it is denied.</summary>
    public static string Denied(this JsonNode decision)
    {
        Assert.False(decision.Bool("allowed"), $"allowed: {decision.ToJsonString()}");
        Assert.True(decision.IsNull("pricing"), $"a denial has no pricing: {decision.ToJsonString()}");
        return decision.Str("reason")!;
    }

    /// <summary>An allowed decision's pricing as (category, billable, free), asserting it is allowed.</summary>
    public static (string? Category, bool Billable, string? Free) Allowed(this JsonNode decision)
    {
        Assert.True(decision.Bool("allowed"), $"denied: {decision.ToJsonString()}");
        return (decision.Str("pricing.category"), decision.Bool("pricing.billable"), decision.Str("pricing.free"));
    }
}
