using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WabaActors.Api.Tests.Support;

/// <summary>360dialog's side of the partner webhook: events as ADR 0011 reads them, signed as 360dialog signs them.</summary>
public static class PartnerWebhooks
{
    public const string Secret = "test-360dialog-secret-5d1e";
    public const string Path = "/v1/webhooks/360dialog";

    private static readonly JsonSerializerOptions Exact = new() { PropertyNamingPolicy = null };

    /// <summary><c>{ "event": …, "payload": { waba_account: { id, external_id }, phone_number, …fields } }</c>.</summary>
    public static object Event(string name, string waba, string? phone, object? fields = null)
    {
        var payload = new Dictionary<string, object?>
        {
            ["id"] = "ch_" + waba,
            ["client_id"] = "cl_" + waba,
            ["waba_account"] = new { id = "wa360_" + waba, external_id = waba, name = "Acme" },
        };
        if (phone is not null)
        {
            payload["phone_number"] = "+" + phone;
        }

        foreach (var property in JsonSerializer.SerializeToElement(fields ?? new { }, Exact).EnumerateObject())
        {
            payload[property.Name] = property.Value;
        }

        return new Dictionary<string, object?> { ["event"] = name, ["payload"] = payload };
    }

    public static byte[] Bytes(object body) => JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Exact);

    /// <summary>Hex HMAC-SHA256 of the raw body with the platform secret.</summary>
    public static string Sign(byte[] body, string secret = Secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static Task<Reply> PartnerWebhook(this ApiClient api, object body)
    {
        var bytes = Bytes(body);
        return api.PartnerWebhookRaw(bytes, Sign(bytes));
    }

    /// <summary>Posts <paramref name="body"/> as it is, with <paramref name="signature"/> as X-360dialog-Signature (none when null).</summary>
    public static Task<Reply> PartnerWebhookRaw(this ApiClient api, byte[] body, string? signature) =>
        api.PostSigned(Path, body, "X-360dialog-Signature", signature);
}
