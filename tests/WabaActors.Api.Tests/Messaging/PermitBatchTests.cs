using System.Net;
using System.Text.Json.Nodes;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/api.md "Batches of permits": <c>POST …/permits/batch</c> answers each permit in order as the single call
/// would (a decision or its problem), refuses the whole batch only for a wrong body or number, and never grants
/// more template recipients than remain — under both rule profiles.
/// </summary>
public abstract class PermitBatchTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;
    private readonly RuleProfile _rules = fixture.Profile;

    [Fact]
    public async Task DecisionsAnswerThePermitsInOrder()
    {
        var account = await _api.LiveAndApprovedAsync();
        var replying = Ids.Customer();
        await _api.OpenWindow(account, replying);
        var ids = new[] { Ids.MessageId(), Ids.MessageId(), Ids.MessageId() };

        var decisions = Decisions(await Batch(account,
            Permit(replying, "session", ids[0]), Permit(Ids.Customer(), "session", ids[1]), Permit(Ids.Customer(), "template", ids[2])));

        Assert.Equal(ids, decisions.Select(d => d.Str("messageId")));
        Assert.True(decisions[0].Bool("allowed"));
        Assert.False(decisions[0].IsNull("windowExpiresAt"));
        Assert.Equal("customer_service_window_closed", decisions[1].Str("reason"));
        Assert.True(decisions[2].Bool("allowed"));
        Assert.Equal(1, decisions[2].Int("templateRecipients.used"));
        Assert.Equal(1, (await _api.Get(account.Path)).Ok().Int("limits.templateRecipients.used"));
    }

    [Fact]
    public async Task MalformedOrNullEntryGetsTheSingleCallsProblemAndTheOthersAreDecided()
    {
        var account = await _api.LiveAndApprovedAsync();
        var malformed = new { customer = "abc", type = "sms", messageId = "" };
        var single = await _api.Post(account.Number + "/permits", malformed);

        var decisions = Decisions(await Batch(account,
            Permit(Ids.Customer(), "template"), malformed, null, new { customer = Ids.Customer(), type = "template" }, Permit(Ids.Customer(), "template")));

        Assert.True(decisions[0].Bool("allowed"));
        Assert.Equal(single.Normalized(), decisions[1].ToJsonString());
        EntryInvalid(decisions[2], "body");
        EntryInvalid(decisions[3], "messageId");
        Assert.True(decisions[4].Bool("allowed"));
        Assert.Equal(2, (await _api.Get(account.Path)).Ok().Int("limits.templateRecipients.used"));
    }

    [Fact]
    public async Task MessageIdReusedForAnotherCustomerIsThatEntrysProblem()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        var messageId = Ids.MessageId();
        (await _api.Post(account.Number + "/permits", Permit(customer, "template", messageId))).Ok();
        var single = await _api.Post(account.Number + "/permits", Permit(Ids.Customer(), "template", messageId));

        var decisions = Decisions(await Batch(account, Permit(Ids.Customer(), "template", messageId), Permit(Ids.Customer(), "template")));

        single.Problem(HttpStatusCode.Conflict, "message_id_reused");
        Assert.Equal("message_id_reused", decisions[0].Str("code"));
        Assert.Equal(409, decisions[0].Int("status"));
        Assert.Equal(single.Normalized(), decisions[0].ToJsonString());
        Assert.True(decisions[1].Bool("allowed"));
        Assert.Equal(2, (await _api.Get(account.Path)).Ok().Int("limits.templateRecipients.used"));
    }

    [Fact]
    public async Task ExactlyTheLimitIsGrantedWhenABatchCarriesMoreNewRecipientsThanRemain()
    {
        var account = await _api.LiveAndApprovedAsync();
        const int remaining = 3;
        for (var filled = 0; filled < _rules.TemplateLimit - remaining; filled += 100)
        {
            var size = Math.Min(100, _rules.TemplateLimit - remaining - filled);
            Assert.All(Decisions(await Batch(account, Templates(size))), d => Assert.True(d.Bool("allowed"), d.ToJsonString()));
        }

        var decisions = Decisions(await Batch(account, Templates(remaining + 7)));

        Assert.All(decisions[..remaining], d => Assert.True(d.Bool("allowed"), d.ToJsonString()));
        Assert.Equal(_rules.TemplateLimit, decisions[remaining - 1].Int("templateRecipients.used"));
        Assert.All(decisions[remaining..], d =>
        {
            Assert.False(d.Bool("allowed"));
            Assert.Equal("template_recipient_limit_reached", d.Str("reason"));
        });
        Assert.Equal(_rules.TemplateLimit, (await _api.Get(account.Path)).Ok().Int("limits.templateRecipients.used"));
    }

    [Fact]
    public async Task ReplayedBatchAnswersTheSameGrantsAndCountsOnce()
    {
        var account = await _api.LiveAndApprovedAsync();
        var replying = Ids.Customer();
        await _api.OpenWindow(account, replying);
        object?[] permits = [Permit(Ids.Customer(), "template"), Permit(replying, "session"), Permit(Ids.Customer(), "template")];

        var first = (await Batch(account, permits)).Ok();
        var replay = (await Batch(account, permits)).Ok();

        Assert.All(first["decisions"]!.AsArray(), d => Assert.True(d!.Bool("allowed"), d!.ToJsonString()));
        Assert.Equal(first.ToJsonString(), replay.ToJsonString());
        Assert.Equal(2, (await _api.Get(account.Path)).Ok().Int("limits.templateRecipients.used"));
    }

    [Fact]
    public async Task WrongBodyIsRefusedWholeWith400AndDecidesNothing()
    {
        var account = await _api.LiveAndApprovedAsync();
        var path = account.Number + "/permits/batch";

        (await _api.Post(path, new { permits = Array.Empty<object>() })).Invalid("permits");
        (await _api.Post(path, new { permits = Templates(101) })).Invalid("permits");
        (await _api.Post(path, new { })).Invalid("permits");
        (await _api.Post(path, new { permits = (object?)null })).Invalid("permits");
        (await _api.SendRaw(HttpMethod.Post, path, "{\"permits\": [")).Problem(HttpStatusCode.BadRequest, "validation_failed");
        (await _api.SendRaw(HttpMethod.Post, path, "{\"permits\": [1]}")).Problem(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(0, (await _api.Get(account.Path)).Ok().Int("limits.templateRecipients.used"));
        var full = Decisions(await Batch(account, Templates(100)));
        Assert.Equal(100, full.Length);
        Assert.Equal(Math.Min(100, _rules.TemplateLimit), full.Count(d => d.Bool("allowed")));
    }

    [Fact]
    public async Task NumberNotOnTheAccountIs404()
    {
        var account = await _api.LiveAsync();
        var other = await _api.LiveAsync();

        (await Batch(account with { Phone = Ids.Phone() }, Templates(2))).Problem(HttpStatusCode.NotFound, "not_found");
        (await Batch(account with { Phone = other.Phone }, Templates(2))).Problem(HttpStatusCode.NotFound, "not_found");
        (await Batch(TestAccount.Fresh(), [new { customer = "abc" }])).Problem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, (await _api.Get(other.Path)).Ok().Int("limits.templateRecipients.used"));
    }

    private Task<Reply> Batch(TestAccount account, params object?[] permits) =>
        _api.Post(account.Number + "/permits/batch", new { permits });

    private static JsonNode[] Decisions(Reply reply) => [.. reply.Ok()["decisions"]!.AsArray().Select(d => d!)];

    private static object Permit(string customer, string type, string? messageId = null) =>
        new { customer, type, messageId = messageId ?? Ids.MessageId() };

    private static object?[] Templates(int count) => [.. Enumerable.Range(0, count).Select(_ => Permit(Ids.Customer(), "template"))];

    private static void EntryInvalid(JsonNode entry, string field)
    {
        Assert.Equal("validation_failed", entry.Str("code"));
        Assert.Equal(400, entry.Int("status"));
        Assert.Equal(new[] { field }, entry["errors"]!.AsObject().Select(e => e.Key));
    }
}

[Collection(ApiCollection.Name)]
public sealed class PermitBatchDocumentTests(ApiFixture fixture) : PermitBatchTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class PermitBatchMetaTests(MetaApiFixture fixture) : PermitBatchTests(fixture);
