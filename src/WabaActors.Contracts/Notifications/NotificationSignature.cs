using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WabaActors.Contracts.Common;

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

    /// <summary>The <see cref="SignatureHeader"/> value for <paramref name="body"/> sent at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        HmacSha256.SignHex(secret, Message(timestamp.ToString(CultureInfo.InvariantCulture), body));

    /// <summary>
    /// True when <paramref name="signature"/> is the HMAC of <paramref name="timestamp"/> and
    /// <paramref name="body"/> under <paramref name="secret"/> (compared in constant time) and the
    /// timestamp is within <paramref name="tolerance"/> of <paramref name="now"/> (replay window).
    /// </summary>
    public static bool Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        Span<byte> claimed = stackalloc byte[HMACSHA256.HashSizeInBytes];
        return timestamp is not null && signature is not null
            && long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            && (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= tolerance
            && HmacSha256.TryReadHex(signature, HmacSha256.PrefixRule.Required, claimed)
            && HmacSha256.Matches(secret, Message(timestamp, body), claimed);
    }

    /// <summary>What is signed: the timestamp as sent, a dot, the raw body.</summary>
    private static byte[] Message(string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return message;
    }
}
