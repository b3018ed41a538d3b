using System.Text.Json.Nodes;

namespace WabaActors.Api.Tests;

/// <summary>The README and docs agree with what runs: the URL <c>dotnet run</c> serves, and walk commands whose answers end their line.</summary>
public class DocsAgreeTests
{
    [Fact]
    public void TheUrlDotnetRunServesIsTheOneTheDocsName()
    {
        var launch = JsonNode.Parse(Read("src", "WabaActors.Host", "Properties", "launchSettings.json"))!;
        var url = launch["profiles"]!["WabaActors.Host"]!["applicationUrl"]!.GetValue<string>();
        var port = new Uri(url).Port;

        Assert.Contains($"`dotnet run --project src/WabaActors.Host`: `{url}`", Read("docs", "configuration.md"), StringComparison.Ordinal);
        Assert.Contains($"`{url}`", Read("docs", "operations.md"), StringComparison.Ordinal);
        Assert.Contains($"--urls http://127.0.0.1:{port}", Read("README.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCurlOfTheReadmeEndsItsAnswerWithANewline()
    {
        var curls = Read("README.md").Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("curl ", StringComparison.Ordinal)).ToList();

        Assert.True(curls.Count >= 15, $"only {curls.Count} curl commands found in README.md");
        Assert.DoesNotContain(curls, l => !l.Contains("-w '\\n'", StringComparison.Ordinal) && !l.Contains('|', StringComparison.Ordinal));
    }

    private static string Read(params string[] path)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WabaActors.sln")))
            {
                return File.ReadAllText(Path.Combine([dir.FullName, .. path]));
            }
        }

        throw new InvalidOperationException("WabaActors.sln not found above " + AppContext.BaseDirectory);
    }
}
