using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>Commerce-policy review, business verification, display-name review, and the overdue reminder.</summary>
[Collection(ApiCollection.Name)]
public class ReviewsTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

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
    public async Task CommerceReviewApprovedKeepsTheAccountLive()
    {
        var account = await _api.LiveAsync();
        var before = await _api.Now();

        var view = (await _api.Post(account.Path + "/reviews/commerce-policy", new { decision = "approved" })).Ok();

        Assert.Equal("live", view.Str("status"));
        Assert.Equal("approved", view.Str("commercePolicyReview.status"));
        Assert.InRange(view.Instant("commercePolicyReview.decidedAt"), before, await _api.Now());
        Assert.False(view.Bool("commercePolicyReview.overdue"));
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

    [Fact]
    public async Task BusinessVerificationVerifiedLiftsBothLimits()
    {
        var account = await _api.LiveAsync();

        var submitted = (await _api.Post(account.Path + "/business-verification", new { status = "submitted" })).Ok();
        var verified = (await _api.Post(account.Path + "/business-verification", new { status = "verified" })).Ok();

        Assert.Equal("submitted", submitted.Str("businessVerification.status"));
        Assert.Equal(2, submitted.Int("limits.numbers.max"));
        Assert.Equal(50, submitted.Int("limits.templateRecipients.limit"));
        Assert.Equal("verified", verified.Str("businessVerification.status"));
        Assert.Equal(20, verified.Int("limits.numbers.max"));
        Assert.Equal(1000, verified.Int("limits.templateRecipients.limit"));
        var permit = (await _api.Post(account.Number + "/permits", new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() })).Ok();
        Assert.Equal(1000, permit.Int("templateRecipients.limit"));
    }

    [Fact]
    public async Task BusinessVerificationRejectedKeepsTheDefaultLimits()
    {
        var account = await _api.CreatedAsync();

        var view = (await _api.Post(account.Path + "/business-verification", new { status = "rejected" })).Ok();

        Assert.Equal("rejected", view.Str("businessVerification.status"));
        Assert.Equal(2, view.Int("limits.numbers.max"));
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
