namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// A statement that writes many rows in one go: its first parameters (<c>$1</c>…<c>$n</c>) are
/// column arrays (<c>unnest</c>), the rest are <see cref="Constants"/>. The group-commit writer puts
/// every queued row of a statement into one execution, so a batch of hundreds of changes costs
/// PostgreSQL a few statements instead of hundreds.
/// </summary>
/// <param name="Sql">The statement, reading rows from <c>unnest($1::type[], …)</c>.</param>
/// <param name="Columns">The element type of each column array (nullable types for nullable columns).</param>
/// <param name="KeyColumns">The columns that identify a row (its conflict key): rows with the same key
/// go to separate executions, in queue order, since one statement cannot touch a row twice.</param>
/// <param name="ReturnsKeys">The statement ends with <c>RETURNING</c> the key columns: a row counts as
/// written only if its key comes back (otherwise every row of a successful execution counts).</param>
public sealed record RowStatement(string Sql, Type[] Columns, int[] KeyColumns, bool ReturnsKeys, params object[] Constants)
{
    /// <summary>A row's key; with <paramref name="returned"/>, a row of the RETURNING result (the key columns in order).</summary>
    public string Key(object?[] row, bool returned = false) =>
        string.Join('\u001f', returned ? row : KeyColumns.Select(c => row[c]));
}
