using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// Permits: the send decision, its reasons and its idempotency (docs/docs/api.md "Messaging", "The decision"), under both
/// rule profiles (<see cref="PermitsDocumentTests"/>, <see cref="PermitsMetaTests"/>). Accounts that must send
/// have their commerce-policy review approved first: under <c>meta</c> a pending review holds every send.
/// </summary>
public abstract class PermitsTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;
    private readonly RuleProfile _rules = fixture.Profile;

    [Fact]
    public async Task SessionInsideTheWindowIsAllowedWithItsExpiry()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        var window = await OpenWindow(account, customer);
        var messageId = Ids.MessageId();

        var decision = (await Permit(account, customer, "session", messageId)).Ok();

        Assert.True(decision.Bool("allowed"));
        Assert.Equal(messageId, decision.Str("messageId"));
        Assert.Equal(window, decision.Instant("windowExpiresAt"));
    }

    [Fact]
    public async Task SessionWithoutAWindowIsDeniedCustomerServiceWindowClosed()
    {
        var account = await _api.LiveAndApprovedAsync();

        var decision = (await Permit(account, Ids.Customer(), "session")).Ok();

        Assert.False(decision.Bool("allowed"));
        Assert.Equal("customer_service_window_closed", decision.Str("reason"));
        Assert.False(string.IsNullOrEmpty(decision.Str("detail")));
    }

    [Fact]
    public async Task SessionAfterTheWindowExpiredIsDenied()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        await OpenWindow(account, customer);
        await _api.Advance(TimeSpan.FromHours(24));

        var decision = (await Permit(account, customer, "session")).Ok();

        Assert.Equal("customer_service_window_closed", decision.Str("reason"));
    }

    [Fact]
    public async Task TemplateWithoutAWindowCountsTheRecipientOnce()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();

        var first = (await Permit(account, customer, "template")).Ok();
        var second = (await Permit(account, customer, "template")).Ok();

        Assert.True(first.Bool("allowed"));
        Assert.Equal(1, first.Int("templateRecipients.used"));
        Assert.Equal(_rules.TemplateLimit, first.Int("templateRecipients.limit"));
        Assert.True(first.IsNull("windowExpiresAt"));
        Assert.True(second.Bool("allowed"));
        Assert.Equal(1, second.Int("templateRecipients.used"));
        var view = (await _api.Get(account.Path)).Ok();
        Assert.Equal(1, view.Int("limits.templateRecipients.used"));
        Assert.True(view.IsNull("limits.templateRecipients.nextSlotAt"));
    }

    [Fact]
    public async Task TemplateOverTheLimitIsDeniedUntilTheOldestRecipientLeavesTheRolling24Hours()
    {
        var account = await _api.LiveAndApprovedAsync();
        var firstAt = await _api.Now();
        var first = (await Permit(account, Ids.Customer(), "template")).Ok();
        var firstBy = await _api.Now();

        // The rest of the limit 5 minutes later, at once: only the first recipient leaves at retryAt.
        var restAt = await _api.Advance(TimeSpan.FromMinutes(5));
        Assert.All(await _api.TemplatesAtOnce(account, _rules.TemplateLimit - 1), d => Assert.True(d.Bool("allowed"), d.ToJsonString()));
        var restBy = await _api.Now();

        var late = Ids.Customer();
        var denied = (await Permit(account, late, "template")).Ok();

        Assert.False(denied.Bool("allowed"));
        Assert.Equal("template_recipient_limit_reached", denied.Str("reason"));
        var retryAt = denied.Instant("retryAt");
        Assert.InRange(retryAt, firstAt.AddHours(24), firstBy.AddHours(24));
        var view = (await _api.Get(account.Path)).Ok();
        Assert.Equal(_rules.TemplateLimit, view.Int("limits.templateRecipients.used"));
        Assert.Equal(_rules.TemplateLimit, view.Int("limits.templateRecipients.limit"));
        Assert.Equal(retryAt, view.Instant("limits.templateRecipients.nextSlotAt"));
        Assert.Equal(_rules.TemplateLimit, first.Int("templateRecipients.limit"));

        await _api.Advance(retryAt - await _api.Now() - TimeSpan.FromMinutes(1));
        var stillDenied = (await Permit(account, late, "template")).Ok();
        Assert.Equal("template_recipient_limit_reached", stillDenied.Str("reason"));
        Assert.Equal(retryAt, stillDenied.Instant("retryAt"));

        await _api.Advance(TimeSpan.FromMinutes(1));
        var allowed = (await Permit(account, late, "template")).Ok();
        Assert.True(allowed.Bool("allowed"));
        Assert.Equal(_rules.TemplateLimit, allowed.Int("templateRecipients.used"));

        // Full again: the next slot is the oldest of the rest.
        var next = (await Permit(account, Ids.Customer(), "template")).Ok();
        Assert.Equal("template_recipient_limit_reached", next.Str("reason"));
        Assert.InRange(next.Instant("retryAt"), restAt.AddHours(24), restBy.AddHours(24));
    }

    [Fact]
    public async Task TemplateInsideTheWindowIsAllowedAndNotCounted()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        var window = await OpenWindow(account, customer);

        var decision = (await Permit(account, customer, "template")).Ok();

        Assert.True(decision.Bool("allowed"));
        Assert.Equal(window, decision.Instant("windowExpiresAt"));
        Assert.Equal(0, (await _api.Get(account.Path)).Ok().Int("limits.templateRecipients.used"));
    }

    [Fact]
    public async Task SameMessageIdReplaysTheGrantAndCountsOnce()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        var messageId = Ids.MessageId();

        var first = await Permit(account, customer, "template", messageId);
        var replay = await Permit(account, customer, "template", messageId);

        Assert.Equal(first.Ok().ToJsonString(), replay.Ok().ToJsonString());
        Assert.Equal(1, (await _api.Get(account.Path)).Ok().Int("limits.templateRecipients.used"));
    }

    [Fact]
    public async Task SameMessageIdForAnotherCustomerOrTypeIs409MessageIdReused()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        await OpenWindow(account, customer);
        var messageId = Ids.MessageId();
        (await Permit(account, customer, "session", messageId)).Ok();
        var before = await _api.Snapshot(account);

        (await Permit(account, Ids.Customer(), "session", messageId)).Problem(HttpStatusCode.Conflict, "message_id_reused");
        (await Permit(account, customer, "template", messageId)).Problem(HttpStatusCode.Conflict, "message_id_reused");

        Assert.Equal(before, await _api.Snapshot(account));
        Assert.True((await Permit(account, customer, "session", messageId)).Ok().Bool("allowed"));
    }

    [Fact]
    public async Task DenialIsDecidedAfreshForTheSameMessageId()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        var messageId = Ids.MessageId();
        Assert.False((await Permit(account, customer, "session", messageId)).Ok().Bool("allowed"));

        await OpenWindow(account, customer);

        Assert.True((await Permit(account, customer, "session", messageId)).Ok().Bool("allowed"));
    }

    [Fact]
    public async Task ReplayAnswersTheOriginalGrantEvenAfterTheAccountWasBlocked()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        var messageId = Ids.MessageId();
        var granted = (await Permit(account, customer, "template", messageId)).Ok();
        (await _api.Post(account.Path + "/reviews/commerce-policy", new { decision = "rejected" })).Ok();

        var replay = (await Permit(account, customer, "template", messageId)).Ok();
        var fresh = (await Permit(account, customer, "template")).Ok();

        Assert.Equal(granted.ToJsonString(), replay.ToJsonString());
        Assert.Equal("account_blocked", fresh.Str("reason"));
    }

    [Fact]
    public async Task PendingReviewOfAFreshlyLiveAccountHoldsEverySendUnderMetaOnly()
    {
        var account = await _api.LiveAsync();
        var replying = Ids.Customer();
        var window = await OpenWindow(account, replying);
        var (sessionId, templateId) = (Ids.MessageId(), Ids.MessageId());
        var templateTo = Ids.Customer();

        var session = (await Permit(account, replying, "session", sessionId)).Ok();
        var template = (await Permit(account, templateTo, "template", templateId)).Ok();

        var view = (await _api.Get(account.Path)).Ok();
        Assert.Equal("live", view.Str("status"));
        Assert.Equal("pending", view.Str("commercePolicyReview.status"));
        if (_rules.HoldsSendsWhileReviewPending)
        {
            foreach (var held in new[] { session, template })
            {
                Assert.False(held.Bool("allowed"));
                Assert.Equal("account_under_review", held.Str("reason"));
                Assert.False(string.IsNullOrEmpty(held.Str("detail")));
            }

            Assert.Equal(0, view.Int("limits.templateRecipients.used"));
            (await _api.Post(account.Path + "/reviews/commerce-policy", new { decision = "approved" })).Ok();

            // A denial is decided afresh: the same messages go once the review is approved.
            session = (await Permit(account, replying, "session", sessionId)).Ok();
            template = (await Permit(account, templateTo, "template", templateId)).Ok();
        }

        Assert.True(session.Bool("allowed"));
        Assert.Equal(window, session.Instant("windowExpiresAt"));
        Assert.True(template.Bool("allowed"));
        Assert.Equal(1, template.Int("templateRecipients.used"));
        Assert.Equal(1, (await _api.Get(account.Path)).Ok().Int("limits.templateRecipients.used"));
    }

    [Fact]
    public async Task AccountNotLiveDeniesEverySend()
    {
        var account = await _api.CodeSentAsync();
        var customer = Ids.Customer();
        (await _api.Post(account.Number + "/inbound", new { customer, messageId = Ids.MessageId(), timestamp = Json.Iso(await _api.Now()) })).Ok();

        foreach (var type in new[] { "session", "template" })
        {
            var decision = (await Permit(account, customer, type)).Ok();
            Assert.False(decision.Bool("allowed"));
            Assert.Equal("account_not_live", decision.Str("reason"));
        }
    }

    [Fact]
    public async Task NumberNotRegisteredOfALiveAccountIsDenied()
    {
        var account = await _api.LiveAndApprovedAsync();
        var second = Ids.Phone();
        (await _api.AddNumber(account, second)).Created();

        var decision = (await Permit(account with { Phone = second }, Ids.Customer(), "template")).Ok();

        Assert.False(decision.Bool("allowed"));
        Assert.Equal("number_not_registered", decision.Str("reason"));
    }

    [Fact]
    public async Task PermitForANumberNotOnTheAccountIs404()
    {
        var account = await _api.LiveAsync();
        var other = await _api.LiveAsync();

        (await Permit(account with { Phone = Ids.Phone() }, Ids.Customer(), "template")).Problem(HttpStatusCode.NotFound, "not_found");
        (await Permit(account with { Phone = other.Phone }, Ids.Customer(), "template")).Problem(HttpStatusCode.NotFound, "not_found");
        (await Permit(TestAccount.Fresh(), Ids.Customer(), "template")).Problem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, (await _api.Get(other.Path)).Ok().Int("limits.templateRecipients.used"));
    }

    [Fact]
    public async Task PermitNamesEveryInvalidField()
    {
        var account = await _api.LiveAndApprovedAsync();

        (await _api.Post(account.Number + "/permits", new { customer = "abc", type = "sms", messageId = "" })).Invalid("customer", "type", "messageId");
        (await _api.Post(account.Number + "/permits", new { })).Invalid("customer", "type", "messageId");
        (await Permit(account, Ids.Customer(), "template", new string('m', 257))).Invalid("messageId");
        (await Permit(account, Ids.Customer(), "template", "id\u0001")).Invalid("messageId");
        Assert.True((await Permit(account, Ids.Customer(), "template", new string('m', 256))).Ok().Bool("allowed"));
        Assert.Equal(1, (await _api.Get(account.Path)).Ok().Int("limits.templateRecipients.used"));
    }

    [Fact]
    public async Task PermitsAndInboundMessagesAreNotHistory()
    {
        var account = await _api.LiveAndApprovedAsync();
        var before = await _api.EventTypes(account);
        var customer = Ids.Customer();

        await OpenWindow(account, customer);
        (await Permit(account, customer, "session")).Ok();
        (await Permit(account, Ids.Customer(), "template")).Ok();

        Assert.Equal(before, await _api.EventTypes(account));
    }

    private Task<Reply> Permit(TestAccount account, string customer, string type, string? messageId = null) =>
        _api.Post(account.Number + "/permits", new { customer, type, messageId = messageId ?? Ids.MessageId() });

    private async Task<DateTimeOffset> OpenWindow(TestAccount account, string customer) =>
        (await _api.Post(account.Number + "/inbound", new { customer, messageId = Ids.MessageId(), timestamp = Json.Iso(await _api.Now()) }))
            .Ok().Instant("expiresAt");
}

[Collection(ApiCollection.Name)]
public sealed class PermitsDocumentTests(ApiFixture fixture) : PermitsTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class PermitsMetaTests(MetaApiFixture fixture) : PermitsTests(fixture);
