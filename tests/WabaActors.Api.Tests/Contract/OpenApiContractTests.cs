using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests.Contract;

/// <summary>
/// Issue 16, without Node: what a typed client relies on in the served document. Every operation has a
/// summary, a description, security and a described tag; every property is typed; no integer may also be
/// a string; request bodies are never nullable; descriptions carry no C# doc-comment leftovers.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class OpenApiContractTests(ApiFixture fixture)
{
    [Fact]
    public async Task EveryOperationHasSummaryDescriptionSecurityAndADescribedTag()
    {
        var document = await DocumentAsync();
        var tags = document["tags"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["description"]?.GetValue<string>());
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                Assert.False(string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()), $"{name}: no summary");
                Assert.False(string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>()), $"{name}: no description");
                Assert.True(operation["security"]?.AsArray().Count > 0, $"{name}: no security");
                Assert.All(operation["tags"]!.AsArray(), t => Assert.False(string.IsNullOrEmpty(tags.GetValueOrDefault(t!.GetValue<string>())), $"{name}: tag {t} has no description"));
                Assert.Contains(operation["responses"]!.AsObject(), r => r.Key.StartsWith('4'));
            }
        }
    }

    [Fact]
    public async Task EveryPropertyIsTypedAndNoIntegerIsAString()
    {
        var document = await DocumentAsync();
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            foreach (var (property, value) in schema!["properties"]?.AsObject() ?? [])
            {
                var where = $"{name}.{property}";
                Assert.True(value!["type"] is not null || value["$ref"] is not null || value["oneOf"] is not null, $"{where} has no type");
                var types = value["type"] is JsonArray array ? array.Select(t => t!.GetValue<string>()).ToList() : [];
                Assert.False(types.Contains("integer") && types.Contains("string"), $"{where} is integer|string");
                if (value["format"]?.GetValue<string>() == "date-time" || value["items"]?["format"]?.GetValue<string>() == "date-time")
                {
                    Assert.True(value["type"] is not null, $"{where}: a date-time without a type");
                }
            }
        }
    }

    [Fact]
    public async Task RequestBodiesAreNeverNullable()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!;
        var bodies = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject())
            .Select(o => o.Value!["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>())
            .OfType<string>().Select(r => r.Split('/')[^1]).Distinct().ToList();
        Assert.Contains("PermitBody", bodies);
        foreach (var body in bodies)
        {
            foreach (var (property, value) in schemas[body]!["properties"]!.AsObject())
            {
                Assert.DoesNotContain("null", value!.ToJsonString(), StringComparison.Ordinal);
                Assert.True(value["type"] is JsonValue || value["$ref"] is not null, $"{body}.{property} is not one plain type");
            }
        }
    }

    [Fact]
    public async Task DescriptionsCarryNoCSharpLeftovers()
    {
        var text = await fixture.Api.Http.GetStringAsync("/openapi/v1.json");
        Assert.DoesNotMatch(Leftover(), text);
        Assert.DoesNotContain("design/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("shared/domain", text, StringComparison.Ordinal);
    }

    private async Task<JsonNode> DocumentAsync() => JsonNode.Parse(await fixture.Api.Http.GetStringAsync("/openapi/v1.json"))!;

    /// <summary>What the XML-comment generator makes of a <c>&lt;see cref&gt;</c>: <c>DenialReason? PermitDecision.Reason</c>.</summary>
    [GeneratedRegex(@"\b(string|int|bool|DateTimeOffset|[A-Z][a-z]+[A-Z]\w*)\??\s+[A-Z]\w*View\.[A-Z]\w*|\b[A-Z]\w*\??\s+[A-Z]\w*(Decision|Page|View)\.[A-Z]\w*")]
    private static partial Regex Leftover();
}
