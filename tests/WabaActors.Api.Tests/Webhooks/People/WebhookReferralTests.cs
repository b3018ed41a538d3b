using WabaActors.Api.Tests.Support;
using static WabaActors.Api.Tests.MetaPeople;
using static WabaActors.Api.Tests.Support.Webhooks;

namespace WabaActors.Api.Tests;

/// <summary>
/// A message's <c>referral</c> (docs/adr/0020, section 4): it marks a free entry point and never changes
/// whether the window opens. Which entry point each shape is read as: <see cref="MessagesReaderTests"/>.
/// An unknown <c>source_type</c> is no free entry point, and logged and counted.
/// </summary>
public abstract class WebhookReferralTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Theory]
    [InlineData("ad", true)]
    [InlineData("post", false)]
    public async Task ReferredMessageOpensTheWindow(string sourceType, bool clickId)
    {
        var account = await _api.LiveAndApprovedAsync();
        var phone = Ids.Customer();
        var sentAt = Seconds(await _api.Now()) - TimeSpan.FromMinutes(1);

        var reply = await _api.Webhook(Envelope(account.Waba, "messages",
            Messages(account.Phone, Text(phone, Bsuid(), Ids.MessageId(), sentAt, null, ("referral", Referral(sourceType, clickId))), Contact(phone, null))));

        Assert.Equal(1, reply.Receipt().Applied);
        Assert.Equal(sentAt + TimeSpan.FromHours(24), (await _api.Get($"{account.Number}/windows/{phone}")).Ok().Instant("expiresAt"));
        Assert.DoesNotContain(fixture.Logs.Lines, l => l.Contains("[3011]", StringComparison.Ordinal) && l.Contains(account.Waba, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownSourceTypeOpensTheWindowAndIsLoggedAndCounted()
    {
        var account = await _api.LiveAndApprovedAsync();
        var phone = Ids.Customer();
        var sourceType = "story_" + Guid.NewGuid().ToString("N")[..6];
        var before = Unknown(await _api.Get("/metrics"));

        var reply = await _api.Webhook(Envelope(account.Waba, "messages", Messages(account.Phone,
            Text(phone, null, Ids.MessageId(), Seconds(await _api.Now()) - TimeSpan.FromMinutes(1), null, ("referral", Referral(sourceType, false))),
            Contact(phone, null))));

        Assert.Equal(1, reply.Receipt().Applied);
        Assert.True((await _api.Get($"{account.Number}/windows/{phone}")).Ok().Bool("open"));
        Assert.Contains(fixture.Logs.Lines, l => l.Contains("[3011]", StringComparison.Ordinal) && l.Contains(sourceType, StringComparison.Ordinal));
        await Eventually.Until(async () => Unknown(await _api.Get("/metrics")) > before, TimeSpan.FromSeconds(10), "the unknown source_type to be counted");
    }

    /// <summary>Meta's referral object (text messages reference), with a click id unless the ad ran in WhatsApp Status.</summary>
    public static object Referral(string sourceType, bool clickId) => Obj(
        ("source_url", "https://fb.me/3cr4Wqqkv"), ("source_id", "120226305854810726"), ("source_type", sourceType),
        ("body", "Summer sale"), ("headline", "Chat with us"), ("media_type", "image"), ("image_url", "https://scontent.xx.fbcdn.net/v/t45.1600-4/1.png"),
        ("ctwa_clid", clickId ? "Afc3nYt5TTOBs_" + Guid.NewGuid().ToString("N")[..12] : null), ("welcome_message", Obj(("text", "Hi! How can we help?"))));

    private static double Unknown(Reply metrics) =>
        Metrics.Sample(metrics.Body, "waba_webhook_unknown_values_total", "what=\"source_type\"", "field=\"messages\"");
}

[Collection(ApiCollection.Name)]
public sealed class WebhookReferralDocumentTests(ApiFixture fixture) : WebhookReferralTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class WebhookReferralMetaTests(MetaApiFixture fixture) : WebhookReferralTests(fixture);
