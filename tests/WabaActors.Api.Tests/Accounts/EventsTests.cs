using System.Globalization;
using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// <c>GET …/events</c>: the account's durable history of what the rules decided, oldest first, under both rule
/// profiles (<see cref="EventsDocumentTests"/>, <see cref="EventsMetaTests"/>).
/// </summary>
public abstract class EventsTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task OnboardingIsRecordedOldestFirst()
    {
        var account = await _api.LiveAsync();

        var page = (await _api.Get(account.Events)).Ok();

        var events = page["events"]!.AsArray().Select(e => e!).ToList();
        var expected = new[]
        {
            "account_created", "email_submitted", "email_confirmed", "business_manager_submitted", "company_profile_submitted",
            "number_added", "verification_code_sent", "number_registered", "billing_started", "account_live", "commerce_review_requested",
        };
        Assert.Equal(expected, events.Select(e => e.Str("type")));
        var ids = events.Select(e => long.Parse(e.Str("id")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var at = events.Select(e => e.Instant("at")).ToList();
        Assert.Equal(at.Order(), at);
        Assert.Equal(events[^1].Str("id"), page.Str("cursor"));
    }

    /// <summary>
    /// docs/api.md "Events": the order is the recording order (<c>id</c>), whatever an entry's <c>at</c> says, and a
    /// client paging with the cursor reads the very same sequence: an overdue review, recorded when the reminder
    /// noticed it but dated at its due instant, keeps its recording place and never lands behind a cursor.
    /// </summary>
    [Fact]
    public async Task EventsComeInRecordingOrderAndPagesReadTheSameSequence()
    {
        var account = await _api.LiveAsync();
        var dueAt = (await _api.Get(account.Path)).Ok().Instant("commercePolicyReview.dueAt");
        var cursor = (await _api.Get(account.Events)).Ok().Str("cursor");

        // Past the due instant, something else happens before (most likely) the reminder notices the overdue review.
        await _api.Advance(TimeSpan.FromHours(49));
        (await _api.Post(account.Path + "/business-verification", new { status = "submitted" })).Ok();
        await Eventually.Until(
            async () => (await _api.EventTypes(account)).Contains("commerce_review_overdue"),
            TimeSpan.FromSeconds(20),
            "the commerce_review_overdue event",
            between: () => _api.Advance(TimeSpan.FromMinutes(1)));

        var whole = await _api.Events(account);
        var ids = whole.Select(e => long.Parse(e.Str("id")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(dueAt, Assert.Single(whole, e => e.Str("type") == "commerce_review_overdue").Instant("at"));

        // Page by page from the cursor taken before: exactly the entries recorded since, in the same order.
        var paged = new List<string?>();
        while (true)
        {
            var page = (await _api.Get($"{account.Events}?after={cursor}&limit=1")).Ok();
            var entries = page["events"]!.AsArray();
            if (entries.Count == 0)
            {
                break;
            }

            paged.AddRange(entries.Select(e => e!.Str("id")));
            cursor = page.Str("cursor");
        }

        var recordedSince = whole.SkipWhile(e => e.Str("type") != "commerce_review_requested").Skip(1).Select(e => e.Str("id")).ToList();
        Assert.Equal(recordedSince, paged);
        Assert.Contains("business_verification_changed", whole.Select(e => e.Str("type")));
    }

    [Fact]
    public async Task BillingStartedIsRecordedAtTheRegistrationInstant()
    {
        var account = await _api.LiveAsync();
        var number = (await _api.Get(account.Number)).Ok();

        var billing = Assert.Single(await _api.Events(account), e => e.Str("type") == "billing_started");

        Assert.Equal(number.Instant("billingStartedAt"), billing.Instant("at"));
        Assert.Equal(account.Phone, billing.Str("phone"));
    }

    [Fact]
    public async Task WrongVerificationCodeIsRecorded()
    {
        var account = await _api.CodeSentAsync();
        var code = await _api.Code(account.Phone);

        (await _api.Post(account.Number + "/verification", new { code = code == "000000" ? "111111" : "000000" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "invalid_verification_code");

        Assert.Equal("verification_failed", (await _api.EventTypes(account))[^1]);
    }
}

[Collection(ApiCollection.Name)]
public sealed class EventsDocumentTests(ApiFixture fixture) : EventsTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class EventsMetaTests(MetaApiFixture fixture) : EventsTests(fixture);

/// <summary>
/// <c>GET …/events</c> as HTTP: paging by cursor, the query's bounds, an unknown or another tenant's account.
/// The same under either rule profile, so run on the <c>document</c> host only.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class EventsInputTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task PagesFollowTheCursorUntilAnEmptyPageEchoesAfter()
    {
        var account = await _api.LiveAsync();
        var all = await _api.Events(account);

        var seen = new List<string?>();
        string? after = null;
        while (true)
        {
            var page = (await _api.Get(account.Events + "?limit=3" + (after is null ? "" : "&after=" + after))).Ok();
            var events = page["events"]!.AsArray();
            Assert.InRange(events.Count, 0, 3);
            if (events.Count == 0)
            {
                Assert.Equal(after, page.Str("cursor"));
                break;
            }

            Assert.Equal(events[^1]!.Str("id"), page.Str("cursor"));
            seen.AddRange(events.Select(e => e!.Str("id")));
            after = page.Str("cursor");
        }

        Assert.Equal(all.Select(e => e.Str("id")), seen);
    }

    [Fact]
    public async Task LimitOneAnswersOneEvent()
    {
        var account = await _api.CreatedAsync();

        var page = (await _api.Get(account.Events + "?limit=1")).Ok();

        Assert.Equal("account_created", page.Str("events[0].type"));
        Assert.Single(page["events"]!.AsArray());
    }

    [Fact]
    public async Task LimitOf1000IsAccepted()
    {
        var account = await _api.CreatedAsync();

        (await _api.Get(account.Events + "?limit=1000")).Ok();
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=", "limit")]
    [InlineData("after=abc", "after")]
    [InlineData("after=-1", "after")]
    [InlineData("after=99999999999999999999", "after")]
    public async Task MalformedQueryIs400(string query, string field)
    {
        var account = await _api.CreatedAsync();

        (await _api.Get(account.Events + "?" + query)).Invalid(field);
    }

    [Fact]
    public async Task EventsOfAnUnknownOrAnotherTenantsAccountAre404()
    {
        var account = await _api.CreatedAsync();

        (await _api.Get(TestAccount.Fresh().Events)).Problem(HttpStatusCode.NotFound, "not_found");
        (await _api.Get((account with { Tenant = Ids.Tenant() }).Events)).Problem(HttpStatusCode.NotFound, "not_found");
    }
}
