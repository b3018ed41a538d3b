using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// One numbered file of deploy/postgres/ ("001_orleans_clustering.sql" is version 1, name
/// "orleans_clustering"), carried in this assembly as an embedded resource. A file named
/// <c>NNN_name.contract.sql</c> (or a version in <see cref="HistoricContracts"/>) is a
/// <see cref="SchemaPhase.Contract"/> step (docs/adr/0025-expand-contract-schema-changes.md).
/// </summary>
public sealed record SchemaScript(int Version, string Name, string Sql, string Sha256)
{
    private const string ResourcePrefix = "WabaActors.Storage.PostgreSql.Schema.";
    private const string ContractSuffix = ".contract";

    /// <summary>
    /// Files written before the phases existed that break the previous release, so they wait like a
    /// contract file: 007 drops the keys the builds before it upsert on (ADR 0015). Their names and
    /// bytes stay as applied, so databases that have them keep their checksums.
    /// </summary>
    public static IReadOnlySet<int> HistoricContracts { get; } = new HashSet<int> { 7 };

    /// <summary>Expand (applied at start, keeps the previous release working) or contract (waits for every live silo to know it).</summary>
    public SchemaPhase Phase { get; init; } = HistoricContracts.Contains(Version) ? SchemaPhase.Contract : SchemaPhase.Expand;

    /// <summary>Every script embedded in this assembly, in version order.</summary>
    public static IReadOnlyList<SchemaScript> Embedded { get; } = LoadEmbedded();

    /// <summary>
    /// Parses a script. Line endings are normalised to LF and a BOM is dropped first, so the
    /// checksum is the same on every checkout (a CRLF checkout must not look like an edit).
    /// </summary>
    public static SchemaScript Parse(string fileName, string text)
    {
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !fileName.EndsWith(".sql", StringComparison.Ordinal)
            || !int.TryParse(fileName.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new ArgumentException($"Schema file '{fileName}' is not named NNN_name.sql.", nameof(fileName));
        }

        var sql = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        var name = fileName[(separator + 1)..^".sql".Length];
        var script = new SchemaScript(version, name, sql, hash);
        return name.EndsWith(ContractSuffix, StringComparison.Ordinal)
            ? script with { Name = name[..^ContractSuffix.Length], Phase = SchemaPhase.Contract }
            : script;
    }

    private static List<SchemaScript> LoadEmbedded()
    {
        var assembly = typeof(SchemaScript).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => Parse(n[ResourcePrefix.Length..], Read(assembly, n)))
            .OrderBy(s => s.Version)
            .ToList();

        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two schema files share version {duplicate.Key}.");
        }

        return scripts;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
