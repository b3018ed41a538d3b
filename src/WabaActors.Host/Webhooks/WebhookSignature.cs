using System.Security.Cryptography;
using WabaActors.Contracts.Common;

namespace WabaActors.Host.Webhooks;

/// <summary>Meta signs each delivery: <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256 of the raw body, keyed by the app secret&gt;</c>.</summary>
public static class WebhookSignature
{
    public const string Header = "X-Hub-Signature-256";

    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string appSecret)
    {
        Span<byte> claimed = stackalloc byte[HMACSHA256.HashSizeInBytes];
        return header is not null
            && HmacSha256.TryReadHex(header, HmacSha256.PrefixRule.Required, claimed)
            && HmacSha256.Matches(appSecret, body, claimed);
    }

    /// <summary>The header value for <paramref name="body"/> (what Meta sends).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string appSecret) => HmacSha256.SignHex(appSecret, body);
}
