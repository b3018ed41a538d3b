using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace WabaActors.Host.Security;

/// <summary>
/// The configured keys as SHA-256 digests. A presented key is hashed and compared with every digest
/// in constant time, without stopping at a match, so the time taken says nothing about the keys.
/// </summary>
public sealed class ApiKeyRing
{
    public const string Operator = "*";

    private readonly byte[][] _digests;
    private readonly string[] _tenants;

    public ApiKeyRing(IOptions<ApiKeyOptions> options)
    {
        var keys = options.Value.ApiKeys;
        _digests = [.. keys.Select(k => Digest(k.Key ?? string.Empty))];
        _tenants = [.. keys.Select(k => k.Tenant ?? string.Empty)];
    }

    /// <summary>False when no key is configured: every call is allowed (the host warned at start).</summary>
    public bool Enabled => _digests.Length > 0;

    /// <summary>The tenant (or <see cref="Operator"/>) of <paramref name="presented"/>, or null for an unknown key.</summary>
    public string? Find(ReadOnlySpan<char> presented)
    {
        var digest = Digest(presented);
        var found = -1;
        for (var i = 0; i < _digests.Length; i++)
        {
            var equal = CryptographicOperations.FixedTimeEquals(digest, _digests[i]);
            found = equal ? i : found;
        }

        return found < 0 ? null : _tenants[found];
    }

    private static byte[] Digest(ReadOnlySpan<char> key)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(key)];
        Encoding.UTF8.GetBytes(key, bytes);
        return SHA256.HashData(bytes);
    }
}
