using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// Commerce-policy review, business verification, display-name review, and the overdue reminder, under both rule
/// profiles (<see cref="ReviewsDocumentTests"/>, <see cref="ReviewsMetaTests"/>): under <c>meta</c> a pending
/// commerce-policy review holds every send (<c>account_under_review</c>) and the limits are Meta's.
/// </summary>
public abstract class ReviewsTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;
    private readonly RuleProfile _rules = fixture.Profile;

    /// <summary>The holds a live account with a pending review has: none under <c>document</c>, the review under <c>meta</c>.</summary>
    private string[] PendingReviewHolds => _rules.HoldsSendsWhileReviewPending ? ["account_under_review"] : [];

    private static string[] HoldReasons(System.Text.Json.Nodes.JsonNode view) => [.. view["holds"]!.AsArray().Select(h => h!.Str("reason")!)];

    [Fact]
    public async Task CommerceReviewBeforeLiveIs409ReviewNotRequested()
    {
        var account = await _api.CodeSentAsync();
        var before = await _api.Snapshot(account);

        (await _api.Post(account.Path + "/reviews/commerce-policy", new { decision = "approved" }))
            .Problem(HttpStatusCode.Conflict, "review_not_requested");

        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task CommerceReviewApprovedKeepsTheAccountLiveAndLiftsTheReviewHold()
    {
        var account = await _api.LiveAsync();
        var pending = (await _api.Get(account.Path)).Ok();
        var held = (await _api.Post(account.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() })).Ok();
        var before = await _api.Now();

        var view = (await _api.Post(account.Path + "/reviews/commerce-policy", new { decision = "approved" })).Ok();

        Assert.Equal("live", pending.Str("status"));
        Assert.Equal(PendingReviewHolds, HoldReasons(pending));
        Assert.Equal(!_rules.HoldsSendsWhileReviewPending, held.Bool("allowed"));
        Assert.Equal(_rules.HoldsSendsWhileReviewPending ? "account_under_review" : null, held.Str("reason"));
        Assert.Equal("live", view.Str("status"));
        Assert.Equal("approved", view.Str("commercePolicyReview.status"));
        Assert.InRange(view.Instant("commercePolicyReview.decidedAt"), before, await _api.Now());
        Assert.False(view.Bool("commercePolicyReview.overdue"));
        Assert.Empty(HoldReasons(view));
        Assert.True((await _api.Post(account.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() })).Ok().Bool("allowed"));
    }

    [Fact]
    public async Task CommerceReviewRejectedBlocksEverySendUntilApproved()
    {
        var account = await _api.LiveAsync();
        var customer = Ids.Customer();
        (await _api.Post(account.Number + "/inbound", new { customer, messageId = Ids.MessageId(), timestamp = Json.Iso(await _api.Now()) })).Ok();

        var rejected = (await _api.Post(account.Path + "/reviews/commerce-policy", new { decision = "rejected", reason = "Sells weapons." })).Ok();

        Assert.Equal("blocked", rejected.Str("status"));
        Assert.Equal("rejected", rejected.Str("commercePolicyReview.status"));
        foreach (var type in new[] { "session", "template" })
        {
            var denied = (await _api.Post(account.Number + "/permits", new { customer, type, messageId = Ids.MessageId() })).Ok();
            Assert.False(denied.Bool("allowed"));
            Assert.Equal("account_blocked", denied.Str("reason"));
            Assert.False(string.IsNullOrEmpty(denied.Str("detail")));
        }

        var approved = (await _api.Post(account.Path + "/reviews/commerce-policy", new { decision = "approved" })).Ok();

        Assert.Equal("live", approved.Str("status"));
        Assert.Equal("approved", approved.Str("commercePolicyReview.status"));
        var allowed = (await _api.Post(account.Number + "/permits", new { customer, type = "session", messageId = Ids.MessageId() })).Ok();
        Assert.True(allowed.Bool("allowed"));
        var types = await _api.EventTypes(account);
        Assert.Contains("account_blocked", types);
        Assert.Contains("account_unblocked", types);
    }

    [Fact]
    public async Task BusinessVerificationVerifiedLiftsBothLimits()
    {
        var account = await _api.LiveAndApprovedAsync();

        var submitted = (await _api.Post(account.Path + "/business-verification", new { status = "submitted" })).Ok();
        var verified = (await _api.Post(account.Path + "/business-verification", new { status = "verified" })).Ok();

        Assert.Equal("submitted", submitted.Str("businessVerification.status"));
        Assert.Equal(_rules.NumberLimit, submitted.Int("limits.numbers.max"));
        Assert.Equal(_rules.TemplateLimit, submitted.Int("limits.templateRecipients.limit"));
        Assert.Equal("verified", verified.Str("businessVerification.status"));
        Assert.Equal(_rules.VerifiedNumberLimit, verified.Int("limits.numbers.max"));
        Assert.Equal(_rules.VerifiedTemplateLimit, verified.Int("limits.templateRecipients.limit"));
        var permit = (await _api.Post(account.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() })).Ok();
        Assert.True(permit.Bool("allowed"));
        Assert.Equal(_rules.VerifiedTemplateLimit, permit.Int("templateRecipients.limit"));
    }

    [Fact]
    public async Task BusinessVerificationOfOneWabaLiftsThePortfoliosLimitsUnderMetaOnly()
    {
        var (tenant, businessManagerId) = (Ids.Tenant(), Ids.BusinessManager());
        var verified = await _api.LiveAndApprovedMemberAsync(tenant, businessManagerId);
        var sibling = await _api.LiveAndApprovedMemberAsync(tenant, businessManagerId);

        var view = (await _api.Post(verified.Path + "/business-verification", new { status = "verified" })).Ok();

        Assert.Equal((_rules.VerifiedTemplateLimit, _rules.VerifiedNumberLimit), Limits(view));
        var expected = _rules.PortfolioLimits
            ? (_rules.VerifiedTemplateLimit, _rules.VerifiedNumberLimit)
            : (_rules.TemplateLimit, _rules.NumberLimit);
        await Eventually.Until(async () => Limits((await _api.Get(sibling.Path)).Ok()) == expected,
            TimeSpan.FromSeconds(30), $"the sibling's view to show the limits {expected}");
        var permit = (await _api.Post(sibling.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() })).Ok();
        Assert.True(permit.Bool("allowed"));
        Assert.Equal(expected.Item1, permit.Int("templateRecipients.limit"));

        static (int Templates, int Numbers) Limits(System.Text.Json.Nodes.JsonNode v) =>
            (v.Int("limits.templateRecipients.limit"), v.Int("limits.numbers.max"));
    }

    [Fact]
    public async Task BusinessVerificationRejectedKeepsTheDefaultLimits()
    {
        var account = await _api.CreatedAsync();

        var view = (await _api.Post(account.Path + "/business-verification", new { status = "rejected" })).Ok();

        Assert.Equal("rejected", view.Str("businessVerification.status"));
        Assert.Equal(_rules.NumberLimit, view.Int("limits.numbers.max"));
        Assert.Equal(_rules.TemplateLimit, view.Int("limits.templateRecipients.limit"));
    }

    [Fact]
    public async Task DisplayNameStartsPendingDueIn48Hours()
    {
        var account = await _api.LiveAsync();
        var before = await _api.Now();

        var number = (await _api.Put(account.Number + "/display-name", new { name = "Acme Garden" })).Ok();

        Assert.Equal("Acme Garden", number.Str("displayName.name"));
        Assert.Equal("pending", number.Str("displayName.status"));
        Assert.False(number.Bool("displayName.overdue"));
        Assert.InRange(number.Instant("displayName.dueAt"), before.AddHours(48), (await _api.Now()).AddHours(48));
        Assert.Equal("pending", (await _api.Get(account.Path)).Ok().Str("numbers[0].displayName.status"));
    }

    [Theory]
    [InlineData("approved")]
    [InlineData("rejected")]
    public async Task DisplayNameReviewDecides(string decision)
    {
        var account = await _api.LiveAsync();
        (await _api.Put(account.Number + "/display-name", new { name = "Acme Garden" })).Ok();

        var number = (await _api.Post(account.Number + "/display-name/review", new { decision, reason = "Checked." })).Ok();

        Assert.Equal(decision, number.Str("displayName.status"));
        Assert.Equal("Acme Garden", number.Str("displayName.name"));
        Assert.False(number.Bool("displayName.overdue"));
        Assert.Contains("display_name_decided", await _api.EventTypes(account));
    }

    [Fact]
    public async Task DisplayNameReviewWithoutANameIs409ReviewNotRequested()
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);

        (await _api.Post(account.Number + "/display-name/review", new { decision = "approved" }))
            .Problem(HttpStatusCode.Conflict, "review_not_requested");

        Assert.Equal(before, await _api.Snapshot(account));
        Assert.Equal("none", (await _api.Get(account.Number)).Ok().Str("displayName.status"));
    }

    [Fact]
    public async Task CommerceReviewPendingPastItsDueInstantIsMarkedOverdueByTheReminder()
    {
        var account = await _api.LiveAsync();
        var dueAt = (await _api.Get(account.Path)).Ok().Instant("commercePolicyReview.dueAt");

        await _api.Advance(TimeSpan.FromHours(49));

        Assert.True((await _api.Get(account.Path)).Ok().Bool("commercePolicyReview.overdue"));
        Assert.Equal("pending", (await _api.Get(account.Path)).Ok().Str("commercePolicyReview.status"));

        // The reminder fires asynchronously. Orleans skips reminder ticks that a jump of the clock
        // passed over and fires at the next period (1 min) after it, so the poll nudges the
        // simulated clock by a minute between reads instead of waiting for real time.
        await Eventually.Until(
            async () => (await _api.Events(account)).Any(e => e.Str("type") == "commerce_review_overdue"),
            TimeSpan.FromSeconds(20),
            "the commerce_review_overdue event",
            between: () => _api.Advance(TimeSpan.FromMinutes(1)));

        var overdue = Assert.Single(await _api.Events(account), e => e.Str("type") == "commerce_review_overdue");
        Assert.Equal(dueAt, overdue.Instant("at"));
        var view = (await _api.Get(account.Path)).Ok();
        Assert.True(view.Bool("commercePolicyReview.overdue"));
        Assert.Equal("live", view.Str("status"));
        Assert.Equal(PendingReviewHolds, HoldReasons(view));
    }

    [Fact]
    public async Task DisplayNamePendingPastItsDueInstantIsMarkedOverdueByTheReminder()
    {
        var account = await _api.LiveAsync();
        var dueAt = (await _api.Put(account.Number + "/display-name", new { name = "Acme Garden" })).Ok().Instant("displayName.dueAt");

        await _api.Advance(TimeSpan.FromHours(49));

        Assert.True((await _api.Get(account.Number)).Ok().Bool("displayName.overdue"));
        await Eventually.Until(
            async () => (await _api.EventTypes(account)).Contains("display_name_review_overdue"),
            TimeSpan.FromSeconds(20),
            "the display_name_review_overdue event",
            between: () => _api.Advance(TimeSpan.FromMinutes(1)));
        var overdue = Assert.Single(await _api.Events(account), e => e.Str("type") == "display_name_review_overdue");
        Assert.Equal(dueAt, overdue.Instant("at"));
        Assert.Equal(account.Phone, overdue.Str("phone"));
    }

    [Fact]
    public async Task DecidedReviewIsNoLongerOverdue()
    {
        var account = await _api.LiveAsync();
        await _api.Advance(TimeSpan.FromHours(49));

        var view = (await _api.Post(account.Path + "/reviews/commerce-policy", new { decision = "approved" })).Ok();

        Assert.False(view.Bool("commercePolicyReview.overdue"));
        Assert.Equal("approved", view.Str("commercePolicyReview.status"));
    }
}

[Collection(ApiCollection.Name)]
public sealed class ReviewsDocumentTests(ApiFixture fixture) : ReviewsTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class ReviewsMetaTests(MetaApiFixture fixture) : ReviewsTests(fixture);

/// <summary>
/// Review and verification requests refused before any rule applies (malformed fields, a number not on the
/// account): the same under either rule profile, so run on the <c>document</c> host only.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReviewsInputTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Theory]
    [InlineData("maybe")]
    [InlineData("APPROVED")]
    [InlineData(null)]
    public async Task CommerceReviewDecisionIsValidated(string? decision)
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);

        (await _api.Post(account.Path + "/reviews/commerce-policy", new { decision })).Invalid("decision");

        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task CommerceReviewReasonIsValidated()
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);

        (await _api.Post(account.Path + "/reviews/commerce-policy", new { decision = "rejected", reason = new string('r', 257) })).Invalid("reason");

        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Theory]
    [InlineData("approved")]
    [InlineData("not_started")]
    [InlineData(null)]
    public async Task BusinessVerificationStatusIsValidated(string? status)
    {
        var account = await _api.CreatedAsync();
        var before = await _api.Snapshot(account);

        (await _api.Post(account.Path + "/business-verification", new { status })).Invalid("status");

        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task DisplayNameIsValidated()
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);

        (await _api.Put(account.Number + "/display-name", new { name = "  " })).Invalid("name");
        (await _api.Put(account.Number + "/display-name", new { name = new string('n', 257) })).Invalid("name");
        (await _api.Put(account.Number + "/display-name", new { name = "Acme\nGarden" })).Invalid("name");
        (await _api.Post(account.Number + "/display-name/review", new { decision = "yes" })).Invalid("decision");

        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task DisplayNameOfANumberNotOnTheAccountIs404()
    {
        var account = await _api.LiveAsync();

        (await _api.Put(account.NumberOf(Ids.Phone()) + "/display-name", new { name = "Acme" })).Problem(HttpStatusCode.NotFound, "not_found");
        (await _api.Post(account.NumberOf(Ids.Phone()) + "/display-name/review", new { decision = "approved" })).Problem(HttpStatusCode.NotFound, "not_found");
    }
}
