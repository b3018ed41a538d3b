using System.Net;
using System.Security.Cryptography;
using System.Text;
using WabaActors.Api.Tests.Support;
using static WabaActors.Api.Tests.Support.PartnerWebhooks;

namespace WabaActors.Api.Tests;

/// <summary>ADR 0011: 360dialog's partner webhook — the signature, the body's shape, what is acknowledged without effect.</summary>
[Collection(ApiCollection.Name)]
public class PartnerWebhookSecurityTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    public static readonly TheoryData<string?> ForgedSignatures = new()
    {
        null,
        "",
        "sha256=",
        "zz",
        new string('0', 64),
        "sha256=" + new string('a', 63),
        Convert.ToBase64String(new byte[32]),
        Sign([1, 2, 3]),
        Webhooks.Sign([1, 2, 3]),
    };

    [Theory]
    [MemberData(nameof(ForgedSignatures))]
    public async Task MissingOrForgedSignatureIs401AndChangesNothing(string? signature)
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);
        var body = Bytes(Event("account_violation", account.Waba, account.Phone, new { violation_type = "SPAM", ban_info = new { waba_ban_state = "DISABLE" } }));

        (await _api.PartnerWebhookRaw(body, signature)).Problem(HttpStatusCode.Unauthorized, "invalid_signature");

        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task SignatureWithAnotherSecretOrOverAnotherBodyIs401()
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);
        var body = Bytes(Event("channel_running", account.Waba, account.Phone));
        var tampered = Bytes(Event("channel_ready", account.Waba, account.Phone));

        (await _api.PartnerWebhookRaw(body, Sign(body, "not-the-secret"))).Problem(HttpStatusCode.Unauthorized, "invalid_signature");
        (await _api.PartnerWebhookRaw(body, Sign(body, Webhooks.AppSecret))).Problem(HttpStatusCode.Unauthorized, "invalid_signature");
        (await _api.PartnerWebhookRaw(tampered, Sign(body))).Problem(HttpStatusCode.Unauthorized, "invalid_signature");

        Assert.Equal(before, await _api.Snapshot(account));
        Assert.Contains(fixture.Logs.Lines, line => line.Contains("[3101] 360dialog webhook delivery refused", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("hex")]
    [InlineData("HEX")]
    [InlineData("sha256=hex")]
    [InlineData("base64")]
    public async Task ValidSignatureIsAcceptedInHexOrBase64(string encoding)
    {
        var account = await _api.LiveAsync();
        var body = Bytes(Event("channel_ready", account.Waba, account.Phone));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body);
        var signature = encoding switch
        {
            "hex" => Convert.ToHexStringLower(mac),
            "HEX" => Convert.ToHexString(mac),
            "sha256=hex" => "sha256=" + Convert.ToHexStringLower(mac),
            _ => Convert.ToBase64String(mac),
        };

        Assert.Equal((1, 1, 0, 0, 0), (await _api.PartnerWebhookRaw(body, signature)).Receipt());
        Assert.Equal("channel_ready", (await _api.EventTypes(account))[^1]);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"channel_created\"")]
    public async Task InvalidJsonAfterValidSignatureIs400(string text)
    {
        var body = Encoding.UTF8.GetBytes(text);

        (await _api.PartnerWebhookRaw(body, Sign(body))).Invalid("body");
    }

    [Theory]
    [InlineData("""{ "payload": {} }""", "event")]
    [InlineData("""{ "event": 7, "payload": {} }""", "event")]
    [InlineData("""{ "event": "", "payload": {} }""", "event")]
    [InlineData("""{ "event": "channel_created", "payload": [] }""", "payload")]
    [InlineData("""{ "event": "channel_created", "payload": { "waba_account": { "external_id": "a b" } } }""", "payload.waba_account.external_id")]
    [InlineData("""{ "event": "channel_created", "waba_id": "../x" }""", "waba_id")]
    public async Task WrongShapeIs400NamingThePath(string text, string field)
    {
        var body = Encoding.UTF8.GetBytes(text);

        (await _api.PartnerWebhookRaw(body, Sign(body))).Invalid(field);
    }

    [Fact]
    public async Task UnknownEventTypeIsAcknowledgedCountedAndIgnored()
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);

        var reply = await _api.PartnerWebhook(Event("template_messaging_enabled", account.Waba, account.Phone));

        Assert.Equal((1, 0, 0, 0, 1), reply.Receipt());
        Assert.Equal(before, await _api.Snapshot(account));
        Assert.Contains(fixture.Logs.Lines, line => line.Contains("360dialog:template_messaging_enabled", StringComparison.Ordinal)
            && line.Contains(account.Waba, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownOrMissingWabaIsAcknowledgedAndIgnored()
    {
        var unknown = await _api.PartnerWebhook(Event("channel_running", Ids.Waba(), Ids.Phone()));
        var missing = await _api.PartnerWebhook(new { @event = "channel_running", payload = new { phone_number = "+" + Ids.Phone() } });

        Assert.Equal((1, 0, 0, 0, 1), unknown.Receipt());
        Assert.Equal((1, 0, 0, 0, 1), missing.Receipt());
    }

    [Fact]
    public async Task PartnerWebhooksAre503GivenNoSecretConfigured()
    {
        await using var factory = new ApiFactory(webhooks: false);
        factory.StartServer();
        var api = new ApiClient(factory.CreateClient());
        var body = Bytes(Event("channel_running", Ids.Waba(), Ids.Phone()));

        (await api.PartnerWebhookRaw(body, Sign(body))).Problem(HttpStatusCode.ServiceUnavailable, "webhooks_not_configured");
        Assert.Contains(factory.Logs.Lines, line => line.Contains("[3102] 360dialog partner webhooks are off", StringComparison.Ordinal));
    }
}
