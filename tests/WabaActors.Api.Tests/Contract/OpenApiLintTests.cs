using System.Text.Json.Nodes;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests.Contract;

/// <summary>
/// Issue 16: the served document passes two real linters, pinned in tests/openapi-lint (installed by
/// deploy/test.sh with <c>npm ci</c>): Redocly's <c>recommended</c> ruleset and Spectral's <c>spectral:oas</c>.
/// Any error fails; a warning fails unless it is one of <see cref="AcceptedWarnings"/> (listed, with why, in
/// docs/api.md § The OpenAPI document). The test host maps every operation (simulated clock and gateway, webhooks on).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiLintTests(ApiFixture fixture)
{
    /// <summary>(linter, rule, JSON pointer) of the warnings that stay.</summary>
    private static readonly HashSet<(string, string, string)> AcceptedWarnings =
    [
        // The license is proprietary: there is no public URL or SPDX identifier to give.
        ("redocly", "info-license-strict", "#/info/license"),
    ];

    private static readonly string LintDir = Repository.PathOf("tests/openapi-lint");

    private static readonly Dictionary<string, string> Quiet = new()
    {
        ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1", ["NPM_CONFIG_UPDATE_NOTIFIER"] = "false",
    };

    [Fact]
    public async Task RedoclyRecommendedFindsNoError()
    {
        var document = await SaveDocumentAsync();
        var run = await ToolRun.RunAsync(Linter("redocly"), ["lint", document, "--config", Path.Combine(LintDir, "redocly.yaml"), "--format", "json"],
            LintDir, TimeSpan.FromMinutes(3), Quiet);
        var report = ParseJson(run, '{');
        var findings = report["problems"]!.AsArray().Select(p => new Finding(
            "redocly", p!["ruleId"]!.GetValue<string>(), p["severity"]!.GetValue<string>(),
            p["location"]?.AsArray().FirstOrDefault()?["pointer"]?.GetValue<string>() ?? "", p["message"]!.GetValue<string>())).ToList();
        Check(findings);
        Assert.Equal(0, report["totals"]!["errors"]!.GetValue<int>());
    }

    [Fact]
    public async Task SpectralOasFindsNoError()
    {
        var document = await SaveDocumentAsync();
        var run = await ToolRun.RunAsync(Linter("spectral"), ["lint", document, "--ruleset", Path.Combine(LintDir, ".spectral.yaml"), "--format", "json", "--quiet"],
            LintDir, TimeSpan.FromMinutes(3), Quiet);
        var findings = ParseJson(run, '[').AsArray().Select(p => new Finding(
            "spectral", p!["code"]!.GetValue<string>(), p["severity"]!.GetValue<int>() switch { 0 => "error", 1 => "warn", _ => "info" },
            "#/" + string.Join('/', p["path"]!.AsArray().Select(s => s!.ToString())), p["message"]!.GetValue<string>())).ToList();
        Check(findings);
    }

    private static void Check(List<Finding> findings)
    {
        var errors = findings.Where(f => f.Severity == "error").ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} lint errors:\n{string.Join('\n', errors)}");
        var unexpected = findings.Where(f => f.Severity == "warn" && !AcceptedWarnings.Contains((f.Linter, f.Rule, f.Pointer))).ToList();
        Assert.True(unexpected.Count == 0, $"lint warnings not accepted in {nameof(OpenApiLintTests)} (and docs/api.md):\n{string.Join('\n', unexpected)}");
    }

    private async Task<string> SaveDocumentAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"waba-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, await fixture.Api.Http.GetStringAsync("/openapi/v1.json"));
        return path;
    }

    private static string Linter(string name)
    {
        var bin = Path.Combine(LintDir, "node_modules", ".bin", name);
        Assert.True(File.Exists(bin), $"{bin} is missing: run deploy/test.sh, or `npm ci` in tests/openapi-lint (Node.js and npm needed).");
        return bin;
    }

    private static JsonNode ParseJson(ToolRun run, char first)
    {
        var at = run.Stdout.IndexOf(first, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no JSON report (exit {run.ExitCode}):\n{run.Stdout}\n{run.Stderr}");
        return JsonNode.Parse(run.Stdout[at..])!;
    }

    private sealed record Finding(string Linter, string Rule, string Severity, string Pointer, string Message)
    {
        public override string ToString() => $"{Linter} {Severity} {Rule} at {Pointer}: {Message}";
    }
}
