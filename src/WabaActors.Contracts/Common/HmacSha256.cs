using System.Security.Cryptography;
using System.Text;

namespace WabaActors.Contracts.Common;

/// <summary>
/// The HMAC-SHA256 signatures this service checks and makes (Meta's and 360dialog's webhooks, the
/// notifications to mluvii): a key's UTF-8 bytes, a 32-byte MAC, written as lower-case hex after an
/// optional <c>sha256=</c>, and compared in constant time.
/// </summary>
public static class HmacSha256
{
    /// <summary>What Meta's and this service's signature headers put before the hex.</summary>
    public const string Prefix = "sha256=";

    /// <summary>The MAC of <paramref name="message"/> under <paramref name="key"/>, as <c>sha256=</c> and lower-case hex.</summary>
    public static string SignHex(string key, ReadOnlySpan<byte> message) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), message));

    /// <summary>
    /// Reads 64 hex digits (either case) into <paramref name="mac"/>, after <c>sha256=</c> when
    /// <paramref name="prefix"/> says it must or may stand there; false for anything else.
    /// </summary>
    public static bool TryReadHex(ReadOnlySpan<char> value, PrefixRule prefix, Span<byte> mac)
    {
        var prefixed = value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
        if (prefix == PrefixRule.Required && !prefixed)
        {
            return false;
        }

        var hex = prefixed ? value[Prefix.Length..] : value;
        return hex.Length == 2 * HMACSHA256.HashSizeInBytes
            && Convert.FromHexString(hex, mac, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == HMACSHA256.HashSizeInBytes;
    }

    /// <summary>True when <paramref name="claimed"/> is the MAC of <paramref name="message"/> under <paramref name="key"/> (constant time).</summary>
    public static bool Matches(string key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> claimed)
    {
        Span<byte> actual = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), message, actual);
        return CryptographicOperations.FixedTimeEquals(actual, claimed);
    }

    /// <summary>Whether <see cref="Prefix"/> must stand before the hex or may.</summary>
    public enum PrefixRule
    {
        Required,
        Optional,
    }
}
