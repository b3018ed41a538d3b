using System.Net;
using WabaActors.Api.Tests.Support;
using static WabaActors.Api.Tests.Support.Webhooks;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/meta-webhooks.md: Meta's restrictions (until their expiration) and capability limits — under both rule
/// profiles (<see cref="WebhookLimitsDocumentTests"/>, <see cref="WebhookLimitsMetaTests"/>; under <c>meta</c> a
/// capability limit is the whole portfolio's, docs/portfolios.md). Accounts that must send have their review approved
/// first: under <c>meta</c> a pending one holds every send.
/// </summary>
public abstract class WebhookLimitsTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;
    private readonly RuleProfile _rules = fixture.Profile;

    [Fact]
    public async Task RestrictionsDenyUntilExpirationThenLift()
    {
        var account = await _api.LiveAndApprovedAsync();
        var replying = Ids.Customer();
        (await _api.Post(account.Number + "/inbound", new { customer = replying, messageId = Ids.MessageId(), timestamp = Json.Iso(await _api.Now()) })).Ok();
        var until = Seconds(await _api.Now()) + TimeSpan.FromHours(2);

        (await _api.Webhook(Envelope(account.Waba, "account_update", Restriction(
            ("RESTRICTED_BIZ_INITIATED_MESSAGING", until),
            ("RESTRICTED_CUSTOMER_INITIATED_MESSAGING", until),
            ("RESTRICTED_ADD_PHONE_NUMBER_ACTION", until),
            ("RESTRICTED_SOMETHING_NEW", until))))).Ok();

        var template = (await _api.Post(account.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() })).Ok();
        Assert.False(template.Bool("allowed"));
        Assert.Equal("restricted_business_initiated", template.Str("reason"));
        Assert.Equal(until, template.Instant("retryAt"));
        var session = (await _api.Post(account.Number + "/permits", new { customer = replying, type = "session", messageId = Ids.MessageId() })).Ok();
        Assert.False(session.Bool("allowed"));
        Assert.Equal("restricted_customer_initiated", session.Str("reason"));
        Assert.Equal(until, session.Instant("retryAt"));
        var refused = (await _api.AddNumber(account, Ids.Phone())).Problem(HttpStatusCode.Conflict, "number_addition_restricted");
        Assert.Equal(until, refused.Instant("retryAt"));
        Assert.Equal(3, (await _api.EventTypes(account)).Count(t => t == "restrictions_changed"));

        await _api.Advance(until - await _api.Now() + TimeSpan.FromSeconds(1));

        Assert.True((await _api.Post(account.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() })).Ok().Bool("allowed"));
        Assert.True((await _api.Post(account.Number + "/permits", new { customer = replying, type = "session", messageId = Ids.MessageId() })).Ok().Bool("allowed"));
        (await _api.AddNumber(account, Ids.Phone())).Created();
    }

    [Theory]
    [InlineData("TIER_1K", 1000)]
    [InlineData("TIER_UNLIMITED", int.MaxValue)]
    public async Task TierSetsTheTemplateRecipientLimit(string tier, int limit)
    {
        var account = await _api.LiveAsync();

        (await _api.Webhook(Envelope(account.Waba, "business_capability_update", new { max_daily_conversations_per_business = tier }))).Ok();

        Assert.Equal(limit, (await _api.Get(account.Path)).Ok().Int("limits.templateRecipients.limit"));
        Assert.Equal("template_limit_changed", (await _api.EventTypes(account))[^1]);
    }

    [Fact]
    public async Task NumericLimitIsEnforcedOnTemplates()
    {
        var account = await _api.LiveAndApprovedAsync();

        (await _api.Webhook(Envelope(account.Waba, "business_capability_update", new { max_daily_conversations_per_business = 2 }))).Ok();

        Assert.Equal(2, (await _api.Get(account.Path)).Ok().Int("limits.templateRecipients.limit"));
        for (var i = 0; i < 2; i++)
        {
            var granted = (await _api.Post(account.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() })).Ok();
            Assert.True(granted.Bool("allowed"));
            Assert.Equal(2, granted.Int("templateRecipients.limit"));
        }

        var denied = (await _api.Post(account.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() })).Ok();
        Assert.Equal("template_recipient_limit_reached", denied.Str("reason"));
    }

    [Fact]
    public async Task LimitsReportedForOneWabaAreTheWholePortfoliosUnderMetaOnly()
    {
        var (tenant, businessManagerId) = (Ids.Tenant(), Ids.BusinessManager());
        var reported = await _api.LiveAndApprovedMemberAsync(tenant, businessManagerId);
        var sibling = await _api.LiveAndApprovedMemberAsync(tenant, businessManagerId);

        (await _api.Webhook(Envelope(reported.Waba, "business_capability_update",
            new { max_daily_conversations_per_business = "TIER_1K", max_phone_numbers_per_business = 5 }))).Ok();

        var (templates, numbers) = _rules.PortfolioLimits ? (1_000, 5) : (_rules.TemplateLimit, _rules.NumberLimit);
        Assert.Equal((1_000, 5), Limits((await _api.Get(reported.Path)).Ok()));
        await Eventually.Until(async () => Limits((await _api.Get(sibling.Path)).Ok()) == (templates, numbers),
            TimeSpan.FromSeconds(30), $"the sibling's view to show the limits {(templates, numbers)}");
        var permit = (await _api.Post(sibling.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() })).Ok();
        Assert.True(permit.Bool("allowed"));
        Assert.Equal(templates, permit.Int("templateRecipients.limit"));
        Assert.Equal(templates, (await _api.Get(sibling.Path + "/template-recipients")).Ok().Int("limit"));

        static (int Templates, int Numbers) Limits(System.Text.Json.Nodes.JsonNode view) =>
            (view.Int("limits.templateRecipients.limit"), view.Int("limits.numbers.max"));
    }

    [Fact]
    public async Task NumberLimitPerWabaLowersTheLimit()
    {
        var account = await _api.LiveAsync();

        (await _api.Webhook(Envelope(account.Waba, "business_capability_update", new { max_phone_numbers_per_waba = 1 }))).Ok();

        Assert.Equal(1, (await _api.Get(account.Path)).Ok().Int("limits.numbers.max"));
        (await _api.AddNumber(account, Ids.Phone())).Problem(HttpStatusCode.Conflict, "number_limit_reached");
        Assert.Equal("number_limit_changed", (await _api.EventTypes(account))[^1]);
    }

    [Fact]
    public async Task NumberLimitPerBusinessRaisesTheLimit()
    {
        var account = await _api.LiveAsync();

        (await _api.Webhook(Envelope(account.Waba, "business_capability_update", new { max_phone_numbers_per_business = "3" }))).Ok();

        (await _api.AddNumber(account, Ids.Phone())).Created();
        (await _api.AddNumber(account, Ids.Phone())).Created();
        (await _api.AddNumber(account, Ids.Phone())).Problem(HttpStatusCode.Conflict, "number_limit_reached");
        Assert.Equal(3, (await _api.Get(account.Path)).Ok().Int("limits.numbers.max"));
    }
}

[Collection(ApiCollection.Name)]
public sealed class WebhookLimitsDocumentTests(ApiFixture fixture) : WebhookLimitsTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class WebhookLimitsMetaTests(MetaApiFixture fixture) : WebhookLimitsTests(fixture);
