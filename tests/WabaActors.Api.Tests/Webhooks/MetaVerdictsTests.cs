using System.Text;
using System.Text.Json.Nodes;
using WabaActors.Api.Tests.Support;
using static WabaActors.Api.Tests.Support.Webhooks;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/meta-webhooks.md: no decision of Meta's is lost, reordered or misread. Bodies are shaped as
/// Meta and public SDKs publish them (written here, not copied), and every test runs under both
/// rule profiles.
/// </summary>
public abstract class MetaVerdictsTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    protected abstract bool Meta { get; }

    /// <summary>A body as Meta sends it: raw JSON, with or without "object".</summary>
    private Task<Reply> Raw(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return _api.WebhookRaw(body, Sign(body));
    }

    private static string Review(string waba, string decision, long time = 1739321024) =>
        $$$"""{"entry":[{"id":"{{{waba}}}","time":{{{time}}},"changes":[{"value":{"decision":"{{{decision}}}"},"field":"account_review_update"}]}],"object":"whatsapp_business_account"}""";

    private Task<JsonNode> View(TestAccount account) => _api.Get(account.Path).ContinueWith(t => t.Result.Ok());

    private async Task<JsonNode> Permit(TestAccount account, string type = "template") =>
        (await _api.Post(account.Number + "/permits", new { customer = Ids.Customer(), type, messageId = Ids.MessageId() })).Ok();

    private async Task Approve(TestAccount account) =>
        (await _api.Post(account.Path + "/reviews/commerce-policy", new { decision = "approved" })).Ok();

    private static string[] HoldReasons(JsonNode view) => [.. view["holds"]!.AsArray().Select(h => h!.Str("reason")!)];

    [Fact]
    public async Task ReviewRejectedBeforeGoLiveBlocksTheAccountFromGoLive()
    {
        var account = await _api.CodeSentAsync();

        Assert.Equal((1, 1, 0, 0, 0), (await Raw(Review(account.Waba, "REJECTED"))).Receipt());
        Assert.Equal("onboarding", (await View(account)).Str("status"));

        await _api.Register(account, account.Phone);

        var view = await View(account);
        Assert.Equal("blocked", view.Str("status"));
        Assert.Equal("rejected", view.Str("commercePolicyReview.status"));
        Assert.Contains("commerce_review_rejected", HoldReasons(view));
        Assert.Equal("account_blocked", (await Permit(account)).Str("reason"));
        Assert.Equal(["commerce_review_received", "account_live", "commerce_review_requested", "commerce_review_decided", "account_blocked"],
            (await _api.EventTypes(account)).SkipWhile(t => t != "commerce_review_received").Where(t => t is not ("number_registered" or "billing_started")));
    }

    [Fact]
    public async Task ReviewApprovedBeforeGoLiveIsDecidedAtGoLiveAndNeverOverdue()
    {
        var account = await _api.CodeSentAsync();
        (await Raw(Review(account.Waba, "APPROVED"))).Receipt();

        await _api.Register(account, account.Phone);
        await _api.Advance(TimeSpan.FromHours(49));

        var view = await View(account);
        Assert.Equal("approved", view.Str("commercePolicyReview.status"));
        Assert.False(view.Bool("commercePolicyReview.overdue"));
        Assert.Equal("live", view.Str("status"));
        Assert.Empty(HoldReasons(view));
        Assert.True((await Permit(account)).Bool("allowed"));
    }

    [Fact]
    public async Task OperatorDecisionBeforeGoLiveIsStillRefused()
    {
        var account = await _api.CodeSentAsync();

        (await _api.Post(account.Path + "/reviews/commerce-policy", new { decision = "rejected" })).Problem(System.Net.HttpStatusCode.Conflict, "review_not_requested");
    }

    [Fact]
    public async Task RejectedApprovedRejectedLeavesTheAccountBlockedAndOnlyAnExactRedeliveryIsADuplicate()
    {
        var account = await _api.LiveAsync();

        // The same published body twice in a row: the second is a redelivery that changes nothing more.
        Assert.Equal((1, 1, 0, 0, 0), (await Raw(Review(account.Waba, "REJECTED"))).Receipt());
        Assert.Equal((1, 0, 0, 1, 0), (await Raw(Review(account.Waba, "REJECTED"))).Receipt());
        Assert.Equal((1, 1, 0, 0, 0), (await Raw(Review(account.Waba, "APPROVED"))).Receipt());

        // The same bytes as the first delivery, arriving after APPROVED: a later decision wins.
        Assert.Equal((1, 1, 0, 0, 0), (await Raw(Review(account.Waba, "REJECTED"))).Receipt());

        Assert.Equal("blocked", (await View(account)).Str("status"));
        Assert.Equal("account_blocked", (await Permit(account, "session")).Str("reason"));
    }

    [Fact]
    public async Task PendingOrDeferredHoldsSendsUnderMetaAndChangesNothingUnderDocument()
    {
        var account = await _api.LiveAsync();
        await Approve(account);
        Assert.True((await Permit(account)).Bool("allowed"));

        var receipt = (await Raw(Review(account.Waba, "DEFERRED"))).Receipt();

        var view = await View(account);
        Assert.Equal("live", view.Str("status"));
        if (Meta)
        {
            Assert.Equal(1, receipt.Applied);
            Assert.Equal("pending", view.Str("commercePolicyReview.status"));
            Assert.Equal(["account_under_review"], HoldReasons(view));
            var held = await Permit(account);
            Assert.False(held.Bool("allowed"));
            Assert.Equal("account_under_review", held.Str("reason"));

            (await Raw(Review(account.Waba, "APPROVED"))).Receipt();
            Assert.True((await Permit(account)).Bool("allowed"));
        }
        else
        {
            Assert.Equal((1, 0, 1, 0, 0), receipt);
            Assert.Equal("approved", view.Str("commercePolicyReview.status"));
            Assert.Empty(HoldReasons(view));
            Assert.True((await Permit(account)).Bool("allowed"));
        }
    }

    [Fact]
    public async Task ServicesOwnReviewHoldSaysUnderReviewWhileTheViewSaysLive()
    {
        var account = await _api.LiveAsync();

        var view = await View(account);
        var permit = await Permit(account, "session");

        Assert.Equal("live", view.Str("status"));
        if (Meta)
        {
            Assert.Equal(["account_under_review"], HoldReasons(view));
            Assert.Equal("account_under_review", permit.Str("reason"));
        }
        else
        {
            Assert.Empty(HoldReasons(view));
            Assert.Equal("customer_service_window_closed", permit.Str("reason"));
        }
    }

    [Theory]
    [InlineData("ACCOUNT_DELETED")]
    [InlineData("PARTNER_REMOVED")]
    [InlineData("ACCOUNT_OFFBOARDED")]
    public async Task DisconnectingEventsDenyEverySendUntilReconnected(string e)
    {
        var account = await _api.LiveAsync();
        await Approve(account);

        // PARTNER_REMOVED as Meta sends it: under the partner's business id, the WABA in waba_info.
        var json = e == "PARTNER_REMOVED"
            ? $$$"""{"object":"whatsapp_business_account","entry":[{"id":"2949482758682047","time":1748477359,"changes":[{"value":{"event":"PARTNER_REMOVED","waba_info":{"waba_id":"{{{account.Waba}}}","owner_business_id":"2329417887457253"}},"field":"account_update"}]}]}"""
            : $$$"""{"object":"whatsapp_business_account","entry":[{"id":"{{{account.Waba}}}","time":1743451903,"changes":[{"value":{"event":"{{{e}}}"},"field":"account_update"}]}]}""";
        Assert.Equal(1, (await Raw(json)).Receipt().Applied);

        var view = await View(account);
        Assert.Equal("disconnected", view.Str("status"));
        Assert.Equal("account_disconnected", HoldReasons(view)[0]);
        foreach (var type in new[] { "session", "template" })
        {
            Assert.Equal("account_disconnected", (await Permit(account, type)).Str("reason"));
        }

        // PARTNER_ADDED exactly as Meta's reference shows it: no "object", the partner's id in entry.id.
        var added = $$$"""{"entry":[{"id":"2949482758682047","time":1744823932,"changes":[{"value":{"event":"PARTNER_ADDED","waba_info":{"waba_id":"{{{account.Waba}}}","owner_business_id":"2329417887457253","solution_id":"1715120619246906","solution_partner_business_ids":["2949482758682047","520744086200222"]}},"field":"account_update"}]}]}""";
        Assert.Equal((1, 1, 0, 0, 0), (await Raw(added)).Receipt());

        Assert.Equal("live", (await View(account)).Str("status"));
        Assert.True((await Permit(account)).Bool("allowed"));
    }

    [Fact]
    public async Task DisplayNameDecisionAdoptsTheRequestedNameGivenNoneWasSubmittedHere()
    {
        var account = await _api.LiveAsync();
        var json = $$$"""{"entry":[{"id":"{{{account.Waba}}}","time":1739321024,"changes":[{"value":{"display_phone_number":"{{{account.Phone}}}","decision":"APPROVED","requested_verified_name":"Lucky Shrub","rejection_reason":null},"field":"phone_number_name_update"}]}],"object":"whatsapp_business_account"}""";

        Assert.Equal((1, 1, 0, 0, 0), (await Raw(json)).Receipt());
        Assert.Equal((1, 0, 0, 1, 0), (await Raw(json)).Receipt());

        var number = (await _api.Get(account.Number)).Ok();
        Assert.Equal("Lucky Shrub", number.Str("displayName.name"));
        Assert.Equal("approved", number.Str("displayName.status"));
    }

    [Fact]
    public async Task DisplayNameDecisionForAnotherNameIsNotAppliedToThePendingOne()
    {
        var account = await _api.LiveAsync();
        (await _api.Put(account.Number + "/display-name", new { name = "Acme Garden" })).Ok();
        var json = $$$"""{"object":"whatsapp_business_account","entry":[{"id":"{{{account.Waba}}}","time":1608243053,"changes":[{"field":"phone_number_name_update","value":{"display_phone_number":"{{{account.Phone}}}","decision":"DECLINED","requested_verified_name":"Acme Old Name","rejection_reason":"NONE"}}]}]}""";

        (await Raw(json)).Receipt();

        var number = (await _api.Get(account.Number)).Ok();
        Assert.Equal("Acme Garden", number.Str("displayName.name"));
        Assert.Equal("pending", number.Str("displayName.status"));
        var ignored = (await _api.Events(account)).Last(e => e.Str("type") == "display_name_decision_ignored");
        Assert.Equal("Acme Old Name", ignored.Str("value"));
    }

    [Fact]
    public async Task GuideSpellingOfTheAddNumberRestrictionRefusesNewNumbers()
    {
        var account = await _api.LiveAsync();
        var until = Unix(await _api.Now()) + 3600;
        var json = $$$"""{"object":"whatsapp_business_account","entry":[{"id":"{{{account.Waba}}}","time":1604703058,"changes":[{"field":"account_update","value":{"phone_number":"{{{account.Phone}}}","event":"ACCOUNT_RESTRICTION","restriction_info":[{"restriction_type":"RESTRICTION_ON_ADD_PHONE_NUMBER_ACTION","expiration":""" + until + """}]}}]}]}""";

        Assert.Equal(1, (await Raw(json)).Receipt().Applied);

        (await _api.AddNumber(account, Ids.Phone())).Problem(System.Net.HttpStatusCode.Conflict, "number_addition_restricted");
        Assert.Contains("number_addition_restricted", HoldReasons(await View(account)));
    }

    [Fact]
    public async Task UnknownRestrictionTypeIsRecordedLoggedAndCounted()
    {
        var account = await _api.LiveAsync();
        var type = "RESTRICTED_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var json = $$$"""{"object":"whatsapp_business_account","entry":[{"id":"{{{account.Waba}}}","time":1641330498,"changes":[{"value":{"event":"ACCOUNT_RESTRICTION","restriction_info":[{"restriction_type":"{{{type}}}","expiration":1641330498}]},"field":"account_update"}]}]}""";
        var before = Metrics.Sample((await _api.Get("/metrics")).Body, "waba_webhook_unknown_values_total", "what=\"restriction_type\"");

        Assert.Equal(1, (await Raw(json)).Receipt().Applied);

        Assert.Equal(type, (await _api.Events(account)).Last(e => e.Str("type") == "restriction_not_enforced").Str("value"));
        Assert.Contains(fixture.Logs.Lines, l => l.Contains(type, StringComparison.Ordinal) && l.Contains("restriction_type", StringComparison.Ordinal));
        await Eventually.Until(async () =>
            Metrics.Sample((await _api.Get("/metrics")).Body, "waba_webhook_unknown_values_total", "what=\"restriction_type\"") > before,
            TimeSpan.FromSeconds(10), "the unknown restriction type to be counted");
    }

    [Theory]
    [InlineData("phone_number_quality_update", """{"display_phone_number":"PHONE","event":"THROUGHPUT_UPGRADE","current_limit":"TIER_UNLIMITED"}""", -1)]
    [InlineData("phone_number_quality_update", """{"display_phone_number":"PHONE","event":"FLAGGED","current_limit":"TIER_10K"}""", 10_000)]
    [InlineData("phone_number_quality_update", """{"display_phone_number":"PHONE","event":"ONBOARDING","max_daily_conversations_per_business":"TIER_2K"}""", 2_000)]
    [InlineData("business_capability_update", """{"max_daily_conversation_per_phone":-1,"max_phone_numbers_per_business":2}""", -1)]
    [InlineData("business_capability_update", """{"max_daily_conversation_per_phone":250}""", 250)]
    [InlineData("business_capability_update", """{"messaging_limit_tier":"TIER_1K"}""", 1_000)]
    public async Task OlderAndQualityFieldsSetTheTemplateLimit(string field, string value, int limit)
    {
        var account = await _api.LiveAsync();
        var json = $$$"""{"object":"whatsapp_business_account","entry":[{"id":"{{{account.Waba}}}","time":1748454394,"changes":[{"field":"{{{field}}}","value":""" + value.Replace("PHONE", account.Phone, StringComparison.Ordinal) + "}]}]}";

        Assert.Equal(1, (await Raw(json)).Receipt().Applied);

        var shown = (await View(account)).Int("limits.templateRecipients.limit");
        Assert.Equal(limit == -1 ? int.MaxValue : limit, shown);
    }
}

[Collection(ApiCollection.Name)]
public sealed class MetaVerdictsDocumentTests(ApiFixture fixture) : MetaVerdictsTests(fixture)
{
    protected override bool Meta => false;
}

[Collection(MetaApiCollection.Name)]
public sealed class MetaVerdictsMetaTests(MetaApiFixture fixture) : MetaVerdictsTests(fixture)
{
    protected override bool Meta => true;
}
