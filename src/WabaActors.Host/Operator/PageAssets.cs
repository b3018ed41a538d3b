using System.Collections.Frozen;
using System.Security.Cryptography;

namespace WabaActors.Host.Operator;

/// <summary>The page's files, embedded in the assembly (no front-end build), read once.</summary>
internal static class PageAssets
{
    private const string ResourcePrefix = "WabaActors.Host.Operator.Page.";

    private static readonly FrozenDictionary<string, Asset> All = Load();

    public static Asset? Find(string name) => All.GetValueOrDefault(name);

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(PageAssets).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToFrozenDictionary(n => n[ResourcePrefix.Length..], n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var bytes = copy.ToArray();
                return new Asset(bytes, ContentType(n), "\"" + Convert.ToBase64String(SHA256.HashData(bytes)[..12]) + "\"");
            }, StringComparer.Ordinal);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    };

    internal sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
