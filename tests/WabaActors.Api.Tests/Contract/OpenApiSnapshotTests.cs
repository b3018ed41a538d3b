using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests.Contract;

/// <summary>
/// docs/openapi.json is the served document (of the test host: every operation mapped), committed so
/// people can read it without running the host and so the typed client (tests/WabaActors.Api.Client)
/// is generated from it at build time. A contract change fails here until the file is updated:
/// <c>WABA_UPDATE_OPENAPI=1 dotnet test tests/WabaActors.Api.Tests -c Release --filter OpenApiSnapshot</c>.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiSnapshotTests(ApiFixture fixture)
{
    public const string Server = "http://127.0.0.1:5080";

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task ServedDocumentEqualsDocsOpenApiJson()
    {
        var live = JsonNode.Parse(await fixture.Api.Http.GetStringAsync("/openapi/v1.json"))!;
        live["servers"] = new JsonArray(new JsonObject { ["url"] = Server });
        var path = Repository.PathOf("docs/openapi.json");
        if (Environment.GetEnvironmentVariable("WABA_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, live.ToJsonString(Pretty).ReplaceLineEndings("\n") + "\n");
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        Assert.True(JsonNode.DeepEquals(live, committed),
            $"docs/openapi.json is not the served document (first difference at {FirstDifference(live, committed, "#")}); " +
            "update it with WABA_UPDATE_OPENAPI=1 dotnet test tests/WabaActors.Api.Tests -c Release --filter OpenApiSnapshot");
    }

    private static string FirstDifference(JsonNode? a, JsonNode? b, string at)
    {
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
                {
                    if (!JsonNode.DeepEquals(x[key], y[key]))
                    {
                        return FirstDifference(x[key], y[key], $"{at}/{key}");
                    }
                }

                return at;
            case (JsonArray x, JsonArray y) when x.Count == y.Count:
                for (var i = 0; i < x.Count; i++)
                {
                    if (!JsonNode.DeepEquals(x[i], y[i]))
                    {
                        return FirstDifference(x[i], y[i], $"{at}/{i}");
                    }
                }

                return at;
            default:
                return at;
        }
    }
}
