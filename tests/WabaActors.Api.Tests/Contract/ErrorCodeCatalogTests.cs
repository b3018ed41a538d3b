using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WabaActors.Api.Tests.Support;
using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Common;
using WabaActors.Host.Api;
using WabaActors.Host.Webhooks;

namespace WabaActors.Api.Tests.Contract;

/// <summary>
/// Issue 16: every error code the host can emit (the constants of <see cref="ErrorCodes"/>,
/// <see cref="WebhookErrorCodes"/> and <see cref="HostErrorCodes"/>) is in <see cref="ErrorCatalog"/>,
/// in docs/errors.md's tables with the same status, and in the OpenAPI document: the <c>ErrorCode</c>
/// enum and the problem answers of at least one operation, under its status. Every denial reason is in errors.md too.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class ErrorCodeCatalogTests(ApiFixture fixture)
{
    private static readonly IReadOnlyList<string> Emittable =
        new[] { typeof(ErrorCodes), typeof(WebhookErrorCodes), typeof(HostErrorCodes) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    [Fact]
    public void EveryCodeTheHostCanEmitIsInTheCatalog()
    {
        Assert.True(Emittable.Count >= 36, $"only {Emittable.Count} codes found by reflection");
        Assert.Equal(Emittable.Order(StringComparer.Ordinal), ErrorCatalog.All.Select(e => e.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryCodeIsInDocsErrorsWithItsStatus()
    {
        var rows = TableRows(Section(File.ReadAllText(Repository.PathOf("docs/errors.md")), "## Error codes", "## Denial reasons"));
        foreach (var entry in ErrorCatalog.All)
        {
            Assert.True(rows.TryGetValue(entry.Code, out var status), $"`{entry.Code}` is not in docs/errors.md's error-code tables");
            if (entry.Status is { } expected)
            {
                Assert.True(status == expected.ToString(CultureInfo.InvariantCulture), $"`{entry.Code}`: docs/errors.md says {status}, the host answers {expected}");
            }
            else
            {
                Assert.Contains("other", status, StringComparison.Ordinal);
            }
        }

        Assert.Empty(rows.Keys.Except(ErrorCatalog.All.Select(e => e.Code)));
    }

    [Fact]
    public void EveryDenialReasonIsInDocsErrors()
    {
        var rows = TableRows(Section(File.ReadAllText(Repository.PathOf("docs/errors.md")), "## Denial reasons", null));
        Assert.Equal(Enum.GetValues<DenialReason>().Select(SnakeCase.Of).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryCodeIsInTheOpenApiDocumentUnderItsStatus()
    {
        var document = JsonNode.Parse(await fixture.Api.Http.GetStringAsync("/openapi/v1.json"))!;
        var enumValues = document["components"]!["schemas"]!["ErrorCode"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
        Assert.Equal(ErrorCatalog.All.Select(e => e.Code).Order(StringComparer.Ordinal), enumValues.Order(StringComparer.Ordinal));
        Assert.Equal("#/components/schemas/ErrorCode", document["components"]!["schemas"]!["Problem"]!["properties"]!["code"]!["$ref"]!.GetValue<string>());

        var declared = new HashSet<(string Code, string Status)>();
        foreach (var (_, item) in document["paths"]!.AsObject())
        {
            foreach (var (_, operation) in item!.AsObject())
            {
                foreach (var (status, response) in operation!["responses"]!.AsObject())
                {
                    foreach (var code in response!["x-error-codes"]?.AsArray() ?? [])
                    {
                        declared.Add((code!.GetValue<string>(), status));
                        Assert.Equal("#/components/schemas/Problem", response["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
                    }
                }
            }
        }

        // 405 answers a method the document does not list, so no operation can declare it: the info description does.
        Assert.Contains("`method_not_allowed`", document["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var entry in ErrorCatalog.All.Where(e => e.Code != HostErrorCodes.MethodNotAllowed))
        {
            var status = entry.Status?.ToString(CultureInfo.InvariantCulture) ?? "default";
            Assert.True(declared.Contains((entry.Code, status)), $"no operation declares `{entry.Code}` under {status}");
        }

        Assert.DoesNotContain(declared, d => d.Status != (ErrorCatalog.StatusOf(d.Code)?.ToString(CultureInfo.InvariantCulture) ?? "default"));
    }

    /// <summary>First column (a `code`) → second column, over every table row of <paramref name="markdown"/>.</summary>
    private static Dictionary<string, string> TableRows(string markdown) =>
        Row().Matches(markdown).ToDictionary(m => m.Groups["code"].Value, m => m.Groups["second"].Value.Trim(), StringComparer.Ordinal);

    private static string Section(string markdown, string heading, string? next)
    {
        var start = markdown.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/errors.md has no section {heading}");
        var end = next is null ? markdown.Length : markdown.IndexOf("\n" + next + "\n", start, StringComparison.Ordinal);
        return markdown[start..(end < 0 ? markdown.Length : end)];
    }

    [GeneratedRegex(@"^\| `(?<code>[a-z0-9_]+)` \| (?<second>[^|]+)\|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
