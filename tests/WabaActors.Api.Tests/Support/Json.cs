using System.Globalization;
using System.Text.Json.Nodes;

namespace WabaActors.Api.Tests.Support;

/// <summary>Reading the contract's values out of a JSON view.</summary>
public static class Json
{
    public static string? Str(this JsonNode node, string path) => (string?)node.At(path);

    public static int Int(this JsonNode node, string path) => (int)node.At(path)!;

    public static bool Bool(this JsonNode node, string path) => (bool)node.At(path)!;

    public static DateTimeOffset Instant(this JsonNode node, string path) =>
        Instant(node.Str(path) ?? throw new Xunit.Sdk.XunitException($"'{path}' is null in {node.ToJsonString()}"));

    public static DateTimeOffset? MaybeInstant(this JsonNode node, string path) => node.Str(path) is { } s ? Instant(s) : null;

    public static bool IsNull(this JsonNode node, string path) => node.At(path) is null;

    /// <summary>Instants are UTC with a Z (docs/api.md "Conventions").</summary>
    public static DateTimeOffset Instant(string text)
    {
        Assert.EndsWith("Z", text, StringComparison.Ordinal);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    /// <summary>An instant as a request body carries it: ISO 8601 UTC, full precision.</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A dotted path with [n] indexes, e.g. <c>onboarding.steps[0].status</c>.</summary>
    public static JsonNode? At(this JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            var name = part;
            var index = -1;
            if (part.IndexOf('[', StringComparison.Ordinal) is var open and >= 0)
            {
                name = part[..open];
                index = int.Parse(part[(open + 1)..^1], CultureInfo.InvariantCulture);
            }

            if (name.Length > 0)
            {
                var obj = current?.AsObject() ?? throw new Xunit.Sdk.XunitException($"No '{path}' in {node.ToJsonString()}");
                Assert.True(obj.ContainsKey(name), $"No '{name}' (of '{path}') in {node.ToJsonString()}");
                current = obj[name];
            }

            if (index >= 0)
            {
                current = current!.AsArray()[index];
            }
        }

        return current;
    }
}
