using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Api.Tests;

/// <summary>
/// One log event-id catalogue (<see cref="WabaEventId"/>): every [LoggerMessage] of the service takes
/// its id from it, no two share an id, each id lies in its area's range, and docs/telemetry.md lists
/// every one of them.
/// </summary>
public partial class LogEventIdsTests
{
    private static readonly Assembly[] Service =
    [
        typeof(Program).Assembly,
        typeof(WabaEventId).Assembly,
        typeof(Storage.PostgreSql.GroupCommitWriter).Assembly,
        typeof(Gateway.Dialog360.Dialog360Gateway).Assembly,
    ];

    private static IReadOnlyList<(int Id, string Method)> Logged() =>
    [
        .. Service.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Attribute!.EventId, $"{x.Method.DeclaringType!.Name}.{x.Method.Name}")),
    ];

    private static IReadOnlyDictionary<string, int> Catalogue() =>
        typeof(WabaEventId).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

    [Fact]
    public void EveryLogMessageHasAnIdOfItsOwnFromTheCatalogue()
    {
        var logged = Logged();
        var catalogue = Catalogue();

        Assert.True(logged.Count >= 60, $"found only {logged.Count} log messages: is an assembly missing?");
        var shared = logged.GroupBy(l => l.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(l => l.Method))}");
        Assert.Empty(shared);
        Assert.Empty(logged.Where(l => !catalogue.Values.Contains(l.Id)).Select(l => $"{l.Method} uses {l.Id}, not in WabaEventId"));
        Assert.Empty(catalogue.Where(c => logged.All(l => l.Id != c.Value)).Select(c => $"WabaEventId.{c.Key} is used by no log message"));
        Assert.Equal(catalogue.Count, catalogue.Values.Distinct().Count());
    }

    [Fact]
    public void EveryIdLiesInTheRangeOfOneArea()
    {
        var areas = WabaEventId.Areas;

        Assert.Empty(areas.SelectMany((a, i) => areas.Skip(i + 1).Where(b => a.First <= b.Last && b.First <= a.Last).Select(b => $"{a.Area} overlaps {b.Area}")));
        Assert.Empty(Catalogue().Where(c => !areas.Any(a => a.First <= c.Value && c.Value <= a.Last)).Select(c => $"{c.Key} = {c.Value} is in no area"));
    }

    [Fact]
    public void TelemetryDocListsEveryId()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "telemetry.md"));
        var listed = IdRow().Matches(doc).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

        Assert.Empty(Catalogue().Where(c => !listed.Contains(c.Value)).Select(c => $"{c.Value} ({c.Key}) is not in docs/telemetry.md's event-id table"));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WabaActors.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("WabaActors.sln not found above " + AppContext.BaseDirectory);
    }

    // A row of the event-id table: "| 3011 | …".
    [GeneratedRegex(@"^\| (\d{3,5}) \|", RegexOptions.Multiline)]
    private static partial Regex IdRow();
}
