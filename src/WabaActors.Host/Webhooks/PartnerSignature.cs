using System.Security.Cryptography;
using WabaActors.Contracts.Common;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// 360dialog signs each partner webhook: <c>X-360dialog-Signature</c> = HMAC-SHA256 of the raw body,
/// keyed by the partner's platform secret (ADR 0011). 360dialog's page does not show the encoding,
/// so hex (either case, with or without <c>sha256=</c>) and base64 are accepted: both decode to the
/// same 32 bytes, compared in constant time.
/// </summary>
public static class PartnerSignature
{
    public const string Header = "X-360dialog-Signature";

    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string secret)
    {
        Span<byte> claimed = stackalloc byte[HMACSHA256.HashSizeInBytes];
        return header is not null && TryDecode(header.AsSpan().Trim(), claimed) && HmacSha256.Matches(secret, body, claimed);
    }

    /// <summary>The header value for <paramref name="body"/> as hex (what the tests send as 360dialog).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) => HmacSha256.SignHex(secret, body)[HmacSha256.Prefix.Length..];

    private static bool TryDecode(ReadOnlySpan<char> value, Span<byte> into)
    {
        if (HmacSha256.TryReadHex(value, HmacSha256.PrefixRule.Optional, into))
        {
            return true;
        }

        var base64 = value.StartsWith(HmacSha256.Prefix, StringComparison.OrdinalIgnoreCase) ? value[HmacSha256.Prefix.Length..] : value;
        return base64.Length == 44 && Convert.TryFromBase64Chars(base64, into, out var decoded) && decoded == into.Length;
    }
}
