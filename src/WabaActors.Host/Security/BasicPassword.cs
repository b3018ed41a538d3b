using System.Text;

namespace WabaActors.Host.Security;

/// <summary>The password of an <c>Authorization: Basic base64(user:password)</c> header, or null when it is not one.</summary>
internal static class BasicPassword
{
    private const string Basic = "Basic ";

    public static string? From(string header, int maxLength)
    {
        if (!header.StartsWith(Basic, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var encoded = header.AsSpan(Basic.Length).Trim(' ');

        // Base64 of user:password: a key longer than maxLength cannot match, so it is not even decoded.
        if (encoded.Length == 0 || encoded.Length > (maxLength + 256) / 3 * 4 + 4)
        {
            return null;
        }

        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64Chars(encoded, bytes, out var length))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : decoded[(colon + 1)..];
    }
}
