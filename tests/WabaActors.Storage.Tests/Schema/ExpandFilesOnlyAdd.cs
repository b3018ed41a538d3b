using System.Text.RegularExpressions;
using WabaActors.Storage.PostgreSql;

namespace WabaActors.Storage.Tests;

/// <summary>
/// The expand/contract rule of docs/operations.md, checked on deploy/postgres/: a file applied at a silo's start
/// (expand) only adds, so the previous release keeps working beside it. What removes or changes something an
/// older build uses goes in a <c>NNN_name.contract.sql</c> file (ADR 0025).
/// </summary>
public sealed partial class ExpandFilesOnlyAdd
{
    /// <summary>006 drops indexes only (005's and the global time indexes; no build names an index): slower, never broken. Written before the rule.</summary>
    private static readonly HashSet<int> Historic = [6];

    [Fact]
    public void EveryExpandFileOnlyAdds()
    {
        var breaking = SchemaScript.Embedded
            .Where(s => s.Phase == SchemaPhase.Expand && !Historic.Contains(s.Version))
            .SelectMany(s => Contracting(s.Sql).Select(statement => $"{s.Version:000}_{s.Name}: {statement}"));

        Assert.Empty(breaking);
    }

    [Fact]
    public void OnlyTheKeyDropOf007IsAHistoricContract()
    {
        Assert.Equal([7], SchemaScript.Embedded.Where(s => s.Phase == SchemaPhase.Contract).Select(s => s.Version));
        Assert.NotEmpty(Contracting(SchemaScript.Embedded.Single(s => s.Version == 7).Sql));
    }

    [Theory]
    [InlineData("ALTER TABLE waba_window DROP COLUMN entry_point;")]
    [InlineData("DROP TABLE waba_inbound_id;")]
    [InlineData("ALTER TABLE waba_window DROP CONSTRAINT IF EXISTS waba_window_pkey;")]
    [InlineData("ALTER TABLE waba_window RENAME COLUMN closed TO is_closed;")]
    [InlineData("ALTER TABLE waba_window ALTER COLUMN customer TYPE text;")]
    [InlineData("ALTER TABLE waba_window ALTER COLUMN entry_point SET NOT NULL;")]
    [InlineData("ALTER TABLE waba_window ADD COLUMN origin smallint NOT NULL;")]
    [InlineData("ALTER TABLE waba_window ADD CONSTRAINT waba_window_one UNIQUE (phone, customer);")]
    [InlineData("TRUNCATE waba_inbound_id;")]
    public void ARemovalOrChangeIsNoExpandStep(string statement) =>
        Assert.NotEmpty(Contracting("-- a comment: DROP nothing\n" + statement));

    [Theory]
    [InlineData("ALTER TABLE waba_window ADD COLUMN IF NOT EXISTS origin smallint NULL;")]
    [InlineData("ALTER TABLE waba_window ADD COLUMN origin smallint NOT NULL DEFAULT 0;")]
    [InlineData("CREATE TABLE IF NOT EXISTS waba_x (id integer NOT NULL, PRIMARY KEY (id));")]
    [InlineData("CREATE INDEX IF NOT EXISTS waba_x_id ON waba_x (id); -- drop it later in a contract file")]
    public void AnAdditionIsAnExpandStep(string statement) => Assert.Empty(Contracting(statement));

    /// <summary>
    /// The statements of <paramref name="sql"/> that remove or change what exists. Comments, string literals (the
    /// Orleans query rows) and dollar-quoted bodies (functions) are left out: they are text, not this file's DDL.
    /// </summary>
    private static IEnumerable<string> Contracting(string sql) =>
        Text().Replace(sql, "''").Split(';').Select(s => Whitespace().Replace(s, " ").Trim()).Where(s => Breaking().IsMatch(s));

    [GeneratedRegex(@"--[^\n]*|'(?:[^']|'')*'|\$(\w*)\$.*?\$\1\$", RegexOptions.Singleline)]
    private static partial Regex Text();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // A drop, rename, type change, new NOT NULL (set, or a column added without a default), a new constraint on an
    // existing table, or removed rows.
    [GeneratedRegex(@"\bDROP\s+(TABLE|COLUMN|CONSTRAINT|INDEX|FUNCTION|VIEW|TYPE|SCHEMA|TRIGGER|DEFAULT)\b|\bRENAME\b|\bALTER\s+COLUMN\s+\w+\s+(SET\s+DATA\s+)?TYPE\b|\bSET\s+NOT\s+NULL\b|\bADD\s+(COLUMN\s+)?(IF\s+NOT\s+EXISTS\s+)?\w+\s+[^,]*\bNOT\s+NULL\b(?![^,]*\bDEFAULT\b)|\bALTER\s+TABLE\b.*\bADD\s+(CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN)\b|\bTRUNCATE\b|\bDELETE\s+FROM\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Breaking();
}
