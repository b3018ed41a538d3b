using System.Net;
using System.Text;
using WabaActors.Api.Tests.Support;
using static WabaActors.Api.Tests.Support.Webhooks;

namespace WabaActors.Api.Tests;

/// <summary>docs/api.md "Webhooks": the signature, the handshake, the envelope.</summary>
[Collection(ApiCollection.Name)]
public class WebhookSecurityTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    public static readonly TheoryData<string?> ForgedSignatures = new()
    {
        null,
        "",
        "sha256=",
        "sha256=zz",
        "sha1=0123456789abcdef0123456789abcdef01234567",
        "sha256=" + new string('0', 64),
        "sha256=" + new string('a', 63),
        Sign([1, 2, 3]),
    };

    [Theory]
    [MemberData(nameof(ForgedSignatures))]
    public async Task MissingOrForgedSignatureIs401AndChangesNothing(string? signature)
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);
        var body = Bytes(Envelope(account.Waba, "account_update", Ban("DISABLE")));

        (await _api.WebhookRaw(body, signature)).Problem(HttpStatusCode.Unauthorized, "invalid_signature");

        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task SignatureWithAnotherSecretOrOverAnotherBodyIs401()
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);
        var body = Bytes(Envelope(account.Waba, "account_update", Ban("DISABLE")));
        var tampered = Bytes(Envelope(account.Waba, "account_update", Ban("REINSTATE")));

        (await _api.WebhookRaw(body, Sign(body, "not-the-secret"))).Problem(HttpStatusCode.Unauthorized, "invalid_signature");
        (await _api.WebhookRaw(tampered, Sign(body))).Problem(HttpStatusCode.Unauthorized, "invalid_signature");

        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task AcceptsUpperCaseHexSignature()
    {
        var account = await _api.LiveAsync();
        var body = Bytes(Envelope(account.Waba, "account_update", Ban("SCHEDULE_FOR_DISABLE")));

        var reply = await _api.WebhookRaw(body, "sha256=" + Sign(body)["sha256=".Length..].ToUpperInvariant());

        Assert.Equal(1, reply.Receipt().Applied);
    }

    [Fact]
    public async Task BodyOver1MiBIs413()
    {
        var body = new byte[(1024 * 1024) + 1];
        Array.Fill(body, (byte)' ');

        (await _api.WebhookRaw(body, Sign(body))).Problem(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    public async Task InvalidJsonAfterValidSignatureIs400(string text)
    {
        var body = Encoding.UTF8.GetBytes(text);

        (await _api.WebhookRaw(body, Sign(body))).Invalid("body");
    }

    [Theory]
    [InlineData("""{ "object": 5, "entry": [] }""", "object")]
    [InlineData("""{ "object": "", "entry": [] }""", "object")]
    [InlineData("""{ "entry": {} }""", "entry")]
    [InlineData("""{ "object": "whatsapp_business_account" }""", "entry")]
    [InlineData("""{ "object": "whatsapp_business_account", "entry": {} }""", "entry")]
    [InlineData("""{ "object": "whatsapp_business_account", "entry": [1] }""", "entry[0]")]
    [InlineData("""{ "object": "whatsapp_business_account", "entry": [{ "changes": [] }] }""", "entry[0].id")]
    [InlineData("""{ "object": "whatsapp_business_account", "entry": [{ "id": "a b", "changes": [] }] }""", "entry[0].id")]
    [InlineData("""{ "object": "whatsapp_business_account", "entry": [{ "id": "1" }] }""", "entry[0].changes")]
    [InlineData("""{ "object": "whatsapp_business_account", "entry": [{ "id": "1", "changes": [{ "value": {} }] }] }""", "entry[0].changes[0].field")]
    [InlineData("""{ "object": "whatsapp_business_account", "entry": [{ "id": "1", "changes": [{ "field": "messages", "value": [] }] }] }""", "entry[0].changes[0].value")]
    public async Task WrongEnvelopeShapeIs400NamingThePath(string text, string field)
    {
        var body = Encoding.UTF8.GetBytes(text);

        (await _api.WebhookRaw(body, Sign(body))).Invalid(field);
    }

    [Fact]
    public async Task UnknownWabaAndUnknownFieldAreAcknowledged()
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);

        var unknownWaba = await _api.Webhook(Envelope(Ids.Waba(), "account_update", Ban("DISABLE")));
        var unknownField = await _api.Webhook(Envelope(account.Waba, "message_template_status_update", new { @event = "APPROVED" }));

        Assert.Equal((1, 0, 0, 0, 1), unknownWaba.Receipt());
        Assert.Equal((1, 0, 0, 0, 1), unknownField.Receipt());
        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task HandshakeEchoesChallengeAsTextGivenVerifyToken()
    {
        var reply = await _api.Get($"{WebhookPath}?hub.mode=subscribe&hub.verify_token={VerifyToken}&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("text/plain", reply.MediaType);
        Assert.Equal("1158201444", reply.Body);
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData(VerifyToken + "x")]
    public async Task HandshakeIs403GivenWrongVerifyToken(string token)
    {
        (await _api.Get($"{WebhookPath}?hub.mode=subscribe&hub.verify_token={token}&hub.challenge=42"))
            .Problem(HttpStatusCode.Forbidden, "invalid_verify_token");
    }

    [Theory]
    [InlineData("hub.verify_token=" + VerifyToken + "&hub.challenge=42", "hub.mode")]
    [InlineData("hub.mode=unsubscribe&hub.verify_token=" + VerifyToken + "&hub.challenge=42", "hub.mode")]
    [InlineData("hub.mode=subscribe&hub.challenge=42", "hub.verify_token")]
    [InlineData("hub.mode=subscribe&hub.verify_token=" + VerifyToken, "hub.challenge")]
    public async Task HandshakeIs400GivenMissingParameter(string query, string field)
    {
        (await _api.Get($"{WebhookPath}?{query}")).Invalid(field);
    }

    [Fact]
    public async Task WebhooksAre503GivenNoAppSecretConfigured()
    {
        await using var factory = new ApiFactory(webhooks: false);
        factory.StartServer();
        var api = new ApiClient(factory.CreateClient());
        var body = Bytes(Envelope(Ids.Waba(), "account_update", Ban("DISABLE")));

        (await api.WebhookRaw(body, Sign(body))).Problem(HttpStatusCode.ServiceUnavailable, "webhooks_not_configured");
        (await api.Get($"{WebhookPath}?hub.mode=subscribe&hub.verify_token={VerifyToken}&hub.challenge=42"))
            .Problem(HttpStatusCode.ServiceUnavailable, "webhooks_not_configured");
        Assert.Contains(factory.Logs.Lines, line => line.Contains("[3010] Meta webhooks are off", StringComparison.Ordinal));
    }
}
