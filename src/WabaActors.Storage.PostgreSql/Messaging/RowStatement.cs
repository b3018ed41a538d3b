namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// A statement that writes many rows in one go: its first parameters (<c>$1</c>…<c>$n</c>) are
/// column arrays (<c>unnest</c>), the rest are <see cref="Constants"/>. The group-commit writer puts
/// every queued row of a statement into one execution, so a batch of hundreds of changes costs
/// PostgreSQL a few statements instead of hundreds. Compared by reference: one instance per statement.
/// </summary>
public sealed class RowStatement
{
    private readonly Func<IReadOnlyList<(int Index, object?[] Row)>, int, Array>[] _columnBuilders;

    /// <param name="sql">The statement, reading rows from <c>unnest($1::type[], …)</c>.</param>
    /// <param name="columns">The element type of each column array (nullable types for nullable columns).</param>
    /// <param name="keyColumns">The two columns that identify a row (its conflict key): rows with the same key
    /// go to separate executions, in queue order, since one statement cannot touch a row twice.</param>
    /// <param name="returnsKeys">The statement ends with <c>RETURNING</c> the two key columns: a row counts as
    /// written only if its key comes back (otherwise every row of a successful execution counts).</param>
    /// <param name="constants">The parameters after the column arrays.</param>
    public RowStatement(string sql, Type[] columns, int[] keyColumns, bool returnsKeys, params object[] constants)
    {
        if (keyColumns is not [var first, var second] || first == second || (uint)first >= columns.Length || (uint)second >= columns.Length)
        {
            throw new ArgumentException("A row key is two distinct columns of the row.", nameof(keyColumns));
        }

        (Sql, Columns, KeyColumns, ReturnsKeys, Constants) = (sql, columns, keyColumns, returnsKeys, constants);
        _columnBuilders = [.. columns.Select(type => typeof(RowStatement)
            .GetMethod(nameof(BuildColumn), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type)
            .CreateDelegate<Func<IReadOnlyList<(int Index, object?[] Row)>, int, Array>>())];
    }

    public string Sql { get; }
    public Type[] Columns { get; }
    public int[] KeyColumns { get; }
    public bool ReturnsKeys { get; }
    public object[] Constants { get; }

    /// <summary>A row's key (its two key columns).</summary>
    public RowKey Key(object?[] row) => new(row[KeyColumns[0]], row[KeyColumns[1]]);

    /// <summary>Column <paramref name="column"/> of <paramref name="rows"/> as a typed array (the <c>unnest</c> parameter).</summary>
    public Array Column(IReadOnlyList<(int Index, object?[] Row)> rows, int column) => _columnBuilders[column](rows, column);

    private static Array BuildColumn<T>(IReadOnlyList<(int Index, object?[] Row)> rows, int column)
    {
        var values = new T[rows.Count];
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = (T)rows[r].Row[column]!;
        }

        return values;
    }
}

/// <summary>The key of a row: its two key columns, compared by value (boxed values compare with Equals).</summary>
public readonly record struct RowKey(object? First, object? Second);
