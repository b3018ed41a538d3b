using WabaActors.Api.Tests.Support;
using static WabaActors.Api.Tests.Support.Webhooks;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/meta-webhooks.md § Marketing verdicts: a <c>failed</c> status with 131049 in <c>errors[]</c> holds marketing
/// templates to that customer for 24 h; <c>user_preferences</c> stop and resume marketing messages from the number.
/// Bodies are shaped as Meta publishes them; both profiles.
/// </summary>
public abstract class MarketingWebhooksTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    private static object Failed(TestAccount account, string messageId, string recipient, DateTimeOffset at, int code) => new
    {
        messaging_product = "whatsapp",
        metadata = new { display_phone_number = account.Phone, phone_number_id = "1" + account.Phone },
        statuses = new[]
        {
            new
            {
                id = messageId, status = "failed", timestamp = UnixText(at), recipient_id = recipient,
                errors = new[] { new { code, title = "Message failed to send because of an unknown error", error_data = new { details = "Message failed to send." } } },
            },
        },
    };

    private static object Preference(TestAccount account, string value, DateTimeOffset at, string? waId, string? userId = null, string category = "marketing_messages") => new
    {
        messaging_product = "whatsapp",
        metadata = new { display_phone_number = account.Phone, phone_number_id = "1" + account.Phone },
        contacts = new[] { new { profile = new { name = "Jan" }, wa_id = waId, user_id = userId } },
        user_preferences = new[]
        {
            new { wa_id = waId, user_id = userId, detail = "User requested to stop marketing messages", category, value, timestamp = Unix(at) },
        },
    };

    [Fact]
    public async Task AFailedStatusWith131049HoldsMarketingTemplatesToThatCustomerFor24Hours()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (customer, messageId, at) = (Ids.Customer(), Ids.MessageId(), Seconds(await _api.Now()).AddMinutes(-5));
        var delivery = Envelope(account.Waba, "messages", Failed(account, messageId, customer, at, 131049));

        Assert.Equal((1, 1, 0, 0, 0), (await _api.Webhook(delivery)).Receipt());
        Assert.Equal((1, 0, 0, 1, 0), (await _api.Webhook(delivery)).Receipt());

        var denied = await _api.TemplatePermit(account, customer, category: "marketing");
        Assert.Equal("marketing_limit_per_user", denied.Denied());
        Assert.Equal(at.AddHours(24), denied.Instant("retryAt"));
        Assert.True((await _api.TemplatePermit(account, customer, category: "utility")).Bool("allowed"));
    }

    [Fact]
    public async Task A131049ForARecipientKnownOnlyByItsBsuidHoldsTheBsuid()
    {
        var account = await _api.LiveAndApprovedAsync();
        var bsuid = "US." + Ids.Customer();
        var status = new
        {
            messaging_product = "whatsapp",
            metadata = new { display_phone_number = account.Phone, phone_number_id = "1" + account.Phone },
            statuses = new[]
            {
                new
                {
                    id = Ids.MessageId(), status = "failed", timestamp = UnixText(await _api.Now()), recipient_user_id = bsuid,
                    errors = new[] { new { code = 131049, title = "This message was not delivered to maintain healthy ecosystem engagement." } },
                },
            },
        };

        Assert.Equal(1, (await _api.Webhook(Envelope(account.Waba, "messages", status))).Receipt().Applied);

        Assert.Equal("marketing_limit_per_user", (await _api.TemplatePermit(account, bsuid, category: "marketing")).Denied());
    }

    [Fact]
    public async Task AFailedStatusWithAnotherCodeTeachesNothing()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();

        Assert.Equal(1, (await _api.Webhook(Envelope(account.Waba, "messages", Failed(account, Ids.MessageId(), customer, await _api.Now(), 131026)))).Receipt().Ignored);

        Assert.True((await _api.TemplatePermit(account, customer, category: "marketing")).Bool("allowed"));
    }

    [Fact]
    public async Task UserPreferencesStopThenResumeMarketingMessages()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        var at = Seconds(await _api.Now());

        Assert.Equal(1, (await _api.Webhook(Envelope(account.Waba, "user_preferences", Preference(account, "stop", at, customer)))).Receipt().Applied);

        Assert.Equal("marketing_opted_out", (await _api.TemplatePermit(account, customer, category: "marketing")).Denied());
        Assert.True((await _api.TemplatePermit(account, customer, category: "utility")).Bool("allowed"));

        Assert.Equal(1, (await _api.Webhook(Envelope(account.Waba, "user_preferences", Preference(account, "Resume", at.AddMinutes(1), customer)))).Receipt().Applied);

        Assert.Equal(("marketing", true, null), (await _api.TemplatePermit(account, customer, category: "marketing")).Allowed());
    }

    [Fact]
    public async Task AStopNamingAPhoneAndABsuidHoldsThePersonUnderEitherId()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (phone, bsuid) = (Ids.Customer(), "US." + Ids.Customer());

        (await _api.Webhook(Envelope(account.Waba, "user_preferences", Preference(account, "STOP", await _api.Now(), phone, bsuid)))).Receipt();

        Assert.Equal("marketing_opted_out", (await _api.TemplatePermit(account, bsuid, category: "marketing")).Denied());
        Assert.Equal("marketing_opted_out", (await _api.TemplatePermit(account, phone, category: "marketing")).Denied());
    }

    [Fact]
    public async Task A131050StopsMarketingUntilAResume()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        var at = Seconds(await _api.Now());

        (await _api.Webhook(Envelope(account.Waba, "messages", Failed(account, Ids.MessageId(), customer, at, 131050)))).Receipt();
        Assert.Equal("marketing_opted_out", (await _api.TemplatePermit(account, customer, category: "marketing")).Denied());

        (await _api.Webhook(Envelope(account.Waba, "user_preferences", Preference(account, "resume", at.AddMinutes(1), customer)))).Receipt();
        Assert.True((await _api.TemplatePermit(account, customer, category: "marketing")).Bool("allowed"));
    }

    [Theory]
    [InlineData("pause", "marketing_messages", "preference_value")]
    [InlineData("stop", "interested", "preference_category")]
    public async Task AnUnknownPreferenceIsLoggedAndCountedAndStopsNothing(string value, string category, string what)
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        var before = Metrics.Sample((await _api.Get("/metrics")).Body, "waba_webhook_unknown_values_total", $"what=\"{what}\"");

        (await _api.Webhook(Envelope(account.Waba, "user_preferences", Preference(account, value, await _api.Now(), customer, category: category)))).Receipt();

        Assert.True((await _api.TemplatePermit(account, customer, category: "marketing")).Bool("allowed"));
        Assert.Contains(fixture.Logs.Lines, l => l.Contains(what, StringComparison.Ordinal) && l.Contains("user_preferences", StringComparison.Ordinal));
        await Eventually.Until(async () =>
            Metrics.Sample((await _api.Get("/metrics")).Body, "waba_webhook_unknown_values_total", $"what=\"{what}\"") > before,
            TimeSpan.FromSeconds(10), "the unknown value was not counted");
    }
}

[Collection(ApiCollection.Name)]
public sealed class MarketingWebhooksDocumentTests(ApiFixture fixture) : MarketingWebhooksTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class MarketingWebhooksMetaTests(MetaApiFixture fixture) : MarketingWebhooksTests(fixture);
