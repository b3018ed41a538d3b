using WabaActors.Host.Reload;

namespace WabaActors.Host.Security;

/// <summary>
/// The configured keys, following the configuration while the host runs (ADR 0026): every call
/// reads the key set of the last valid configuration, which a reload replaces as a whole (one
/// reference swap), so a call sees the old set or the new one, never half of each.
/// </summary>
public sealed class ApiKeyRing(LastGoodOptions<ApiKeyOptions> options)
{
    public const string Operator = "*";

    private volatile ApiKeySet _keys = new(options.Current);

    /// <summary>False when no key is configured: every call is allowed (the host warned at start).</summary>
    public bool Enabled => Keys.Enabled;

    /// <summary>The key <paramref name="presented"/> is, or null for an unknown key (<see cref="ApiKeySet.Find"/>).</summary>
    public ApiKeyMatch? Find(ReadOnlySpan<char> presented) => Keys.Find(presented);

    private ApiKeySet Keys
    {
        get
        {
            var keys = _keys;
            var current = options.Current;
            if (!ReferenceEquals(keys.Source, current))
            {
                // Built once per reload; two callers racing here build equal sets and either may stay.
                keys = new ApiKeySet(current);
                _keys = keys;
            }

            return keys;
        }
    }

    /// <summary>The reload rule of <see cref="ApiKeyOptions"/>: a running host never drops its last key.</summary>
    public static string? RefuseDroppingAllKeys(ApiKeyOptions last, ApiKeyOptions next) =>
        last.ApiKeys.Count > 0 && next.ApiKeys.Count == 0
            ? $"{ApiKeyOptions.Section}:ApiKeys is now empty, which would open every /v1 call to anyone; a running host keeps its keys (restart to run without keys)."
            : null;

    /// <summary>The reload's log line: how many keys of each kind, never a key.</summary>
    public static string Describe(ApiKeyOptions options)
    {
        var operators = options.ApiKeys.Count(k => k.Tenant == Operator);
        return $"{options.ApiKeys.Count - operators} tenant key(s), {operators} operator key(s)";
    }
}
