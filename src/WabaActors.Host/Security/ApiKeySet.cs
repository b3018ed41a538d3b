using System.Security.Cryptography;
using System.Text;

namespace WabaActors.Host.Security;

/// <summary>
/// One configuration's keys as SHA-256 digests, never changed once built. A presented key is hashed
/// and compared with every digest in constant time, without stopping at a match, so the time taken
/// says nothing about the keys.
/// </summary>
internal sealed class ApiKeySet
{
    private readonly byte[][] _digests;
    private readonly ApiKeyMatch[] _matches;

    public ApiKeySet(ApiKeyOptions source)
    {
        Source = source;
        var keys = source.ApiKeys;
        _digests = [.. keys.Select(k => Digest(k.Key ?? string.Empty))];
        _matches = [.. keys.Select((k, i) => new ApiKeyMatch(k.Tenant ?? string.Empty, k.Name ?? "#" + i))];
    }

    /// <summary>The options this set was built from.</summary>
    public ApiKeyOptions Source { get; }

    public bool Enabled => _digests.Length > 0;

    public ApiKeyMatch? Find(ReadOnlySpan<char> presented)
    {
        var digest = Digest(presented);
        var found = -1;
        for (var i = 0; i < _digests.Length; i++)
        {
            var equal = CryptographicOperations.FixedTimeEquals(digest, _digests[i]);
            found = equal ? i : found;
        }

        return found < 0 ? null : _matches[found];
    }

    private static byte[] Digest(ReadOnlySpan<char> key)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(key)];
        Encoding.UTF8.GetBytes(key, bytes);
        return SHA256.HashData(bytes);
    }
}
