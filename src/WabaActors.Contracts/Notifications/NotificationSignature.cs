using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WabaActors.Contracts.Notifications;

/// <summary>
/// How WabaActors signs each notification it POSTs (docs/adr/0012): the
/// <see cref="TimestampHeader"/> carries Unix seconds, and <see cref="SignatureHeader"/> carries
/// <c>sha256=</c> and the lower-case hex HMAC-SHA256 of <c>timestamp + "." + body</c> (the raw body
/// bytes), keyed by the shared secret's UTF-8 bytes. A receiver checks both with <see cref="Verify"/>.
/// </summary>
public static class NotificationSignature
{
    /// <summary>The header holding <c>sha256=&lt;hex&gt;</c>.</summary>
    public const string SignatureHeader = "X-Waba-Signature-256";

    /// <summary>The header holding the signing instant as Unix seconds.</summary>
    public const string TimestampHeader = "X-Waba-Timestamp";

    private const string Prefix = "sha256=";

    /// <summary>The <see cref="SignatureHeader"/> value for <paramref name="body"/> sent at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Compute(secret, timestamp.ToString(CultureInfo.InvariantCulture), body, mac);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// True when <paramref name="signature"/> is the HMAC of <paramref name="timestamp"/> and
    /// <paramref name="body"/> under <paramref name="secret"/> (compared in constant time) and the
    /// timestamp is within <paramref name="tolerance"/> of <paramref name="now"/> (replay window).
    /// </summary>
    public static bool Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (timestamp is null || signature is null
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance
            || !signature.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || signature.Length != Prefix.Length + (2 * HMACSHA256.HashSizeInBytes))
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (Convert.FromHexString(signature.AsSpan(Prefix.Length), claimed, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != claimed.Length)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Compute(secret, timestamp, body, actual);
        return CryptographicOperations.FixedTimeEquals(actual, claimed);
    }

    private static void Compute(string secret, string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message, destination);
    }
}
