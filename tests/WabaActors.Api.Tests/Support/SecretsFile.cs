using System.Text.Json;

namespace WabaActors.Api.Tests.Support;

/// <summary>
/// The host's secrets file (<c>WabaActors:SecretsFile</c>) in a directory of its own, replaced as a
/// whole (written beside, then renamed over) the way Kubernetes swaps a mounted Secret.
/// </summary>
public sealed class SecretsFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("waba-secrets-").FullName;

    public SecretsFile(object content) => Write(content);

    public string Path => System.IO.Path.Combine(_directory, "secrets.json");

    /// <summary>The host setting that points at this file.</summary>
    public Dictionary<string, string?> Settings() => new() { ["WabaActors:SecretsFile"] = Path };

    public void Write(object content)
    {
        var next = System.IO.Path.Combine(_directory, "secrets.json.next");
        File.WriteAllText(next, JsonSerializer.Serialize(content));
        File.Move(next, Path, overwrite: true);
    }

    /// <summary><c>{ "Auth": { "ApiKeys": [ { Key, Tenant }… ] } }</c>.</summary>
    public static object ApiKeys(params (string Key, string Tenant)[] keys) =>
        new { Auth = new { ApiKeys = keys.Select(k => new { k.Key, k.Tenant }).ToArray() } };

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
