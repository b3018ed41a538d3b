using System.Security.Cryptography;
using System.Text;

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
    private const string Prefix = "sha256=";

    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string secret)
    {
        Span<byte> claimed = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (header is null || !TryDecode(header.Trim(), claimed))
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, actual);
        return CryptographicOperations.FixedTimeEquals(actual, claimed);
    }

    /// <summary>The header value for <paramref name="body"/> as hex (what the tests send as 360dialog).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static bool TryDecode(string text, Span<byte> into)
    {
        var value = text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? text.AsSpan(Prefix.Length) : text.AsSpan();
        if (value.Length == 2 * HMACSHA256.HashSizeInBytes)
        {
            return Convert.FromHexString(value, into, out _, out var written) == System.Buffers.OperationStatus.Done && written == into.Length;
        }

        return value.Length == 44 && Convert.TryFromBase64Chars(value, into, out var decoded) && decoded == into.Length;
    }
}
