using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WabaActors.Api.Tests.Support;

/// <summary>Meta's side of the webhook: envelopes, signed as Meta signs them (HMAC-SHA256 of the raw body with the app secret).</summary>
public static class Webhooks
{
    public const string AppSecret = "test-app-secret-3f9a";
    public const string VerifyToken = "test-verify-token-71c2";
    public const string WebhookPath = "/v1/webhooks/whatsapp";

    private static readonly JsonSerializerOptions Exact = new() { PropertyNamingPolicy = null };

    /// <summary>One entry for <paramref name="waba"/> holding one change.</summary>
    public static object Envelope(string waba, string field, object value) => Envelope(waba, (field, value));

    public static object Envelope(string waba, params (string Field, object Value)[] changes) => new Dictionary<string, object>
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new[]
        {
            new Dictionary<string, object>
            {
                ["id"] = waba,
                ["time"] = 1_764_000_000,
                ["changes"] = changes.Select(c => new Dictionary<string, object> { ["field"] = c.Field, ["value"] = c.Value }).ToArray(),
            },
        },
    };

    public static byte[] Bytes(object envelope) => JsonSerializer.SerializeToUtf8Bytes(envelope, envelope.GetType(), Exact);

    public static string Sign(byte[] body, string secret = AppSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Posts <paramref name="envelope"/> signed with the configured app secret.</summary>
    public static Task<Reply> Webhook(this ApiClient api, object envelope)
    {
        var body = Bytes(envelope);
        return api.WebhookRaw(body, Sign(body));
    }

    /// <summary>Posts <paramref name="body"/> as it is, with <paramref name="signature"/> as X-Hub-Signature-256 (none when null).</summary>
    public static Task<Reply> WebhookRaw(this ApiClient api, byte[] body, string? signature) =>
        api.PostSigned(WebhookPath, body, "X-Hub-Signature-256", signature);

    /// <summary>Posts a raw JSON <paramref name="body"/> to <paramref name="path"/> with <paramref name="signature"/> in <paramref name="header"/> (none when null).</summary>
    public static async Task<Reply> PostSigned(this ApiClient api, string path, byte[] body, string header, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        // A large body waits for the server's go-ahead, as real senders do: a 413 then comes back before
        // the body is sent, instead of the server closing on a client still writing (a broken pipe).
        request.Headers.ExpectContinue = body.Length > 64 * 1024 ? true : null;
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(header, signature);
        }

        return await Reply.ReadAsync(await api.Http.SendAsync(request));
    }

    /// <summary>An instant as Meta writes it: Unix seconds.</summary>
    public static long Unix(DateTimeOffset at) => at.ToUnixTimeSeconds();

    public static string UnixText(DateTimeOffset at) => Unix(at).ToString(CultureInfo.InvariantCulture);

    /// <summary>Whole seconds (Meta's precision).</summary>
    public static DateTimeOffset Seconds(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());

    /// <summary>The receipt of a delivery: { changes, applied, unchanged, duplicates, ignored }.</summary>
    public static (int Changes, int Applied, int Unchanged, int Duplicates, int Ignored) Receipt(this Reply reply)
    {
        var r = reply.Ok();
        return (r.Int("changes"), r.Int("applied"), r.Int("unchanged"), r.Int("duplicates"), r.Int("ignored"));
    }

    public static object Ban(string state) => new { @event = "DISABLED_UPDATE", ban_info = new { waba_ban_state = state, waba_ban_date = "November 25, 2026" } };

    public static object Restriction(params (string Type, DateTimeOffset Until)[] restrictions) => new
    {
        @event = "ACCOUNT_RESTRICTION",
        restriction_info = restrictions.Select(r => new { restriction_type = r.Type, expiration = Unix(r.Until) }).ToArray(),
    };

    public static object Inbound(string phone, string customer, string id, DateTimeOffset at) => new
    {
        messaging_product = "whatsapp",
        metadata = new { display_phone_number = phone, phone_number_id = "1" + phone },
        contacts = new[] { new { profile = new { name = "Jan" }, wa_id = customer } },
        messages = new[] { new { from = customer, id, timestamp = UnixText(at), type = "text", text = new { body = "Hi" } } },
    };

    public static object Failed(string phone, string customer, DateTimeOffset at, int code = 131047, string status = "failed") => new
    {
        messaging_product = "whatsapp",
        metadata = new { display_phone_number = phone, phone_number_id = "1" + phone },
        statuses = new[]
        {
            new
            {
                id = "wamid." + Guid.NewGuid().ToString("N"), status, timestamp = UnixText(at), recipient_id = customer,
                errors = new[] { new { code, title = "Re-engagement message" } },
            },
        },
    };
}
