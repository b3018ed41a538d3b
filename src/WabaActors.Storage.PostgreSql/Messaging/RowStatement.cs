namespace WabaActors.Storage.PostgreSql;

/// <summary>
/// A statement that writes many rows in one go: its parameters (<c>$1</c>…<c>$n</c>) are column
/// arrays (<c>unnest</c>). The group-commit writer puts every queued row of a statement into one
/// execution, so a batch of hundreds of changes costs PostgreSQL a few statements instead of
/// hundreds. Compared by reference: one instance per statement.
/// </summary>
public sealed class RowStatement
{
    private readonly Func<IReadOnlyList<(int Index, object?[] Row)>, int, Array>[] _columnBuilders;
    private readonly int[]? _returnedKey;

    /// <param name="sql">The statement, reading rows from <c>unnest($1::type[], …)</c>.</param>
    /// <param name="columns">The element type of each column array (nullable types for nullable columns).</param>
    /// <param name="returnedKey">When the statement may leave rows out (a fence), the two columns it ends
    /// with <c>RETURNING</c>: a row counts as written only if its key comes back, and rows with the same key
    /// go to separate executions, in queue order, so that each answer is its own. Without it every row of a
    /// successful execution counts as written.</param>
    public RowStatement(string sql, Type[] columns, int[]? returnedKey = null)
    {
        if (returnedKey is { } key && (key is not [var first, var second] || first == second || (uint)first >= columns.Length || (uint)second >= columns.Length))
        {
            throw new ArgumentException("A returned key is two distinct columns of the row.", nameof(returnedKey));
        }

        (Sql, Columns, _returnedKey) = (sql, columns, returnedKey);
        _columnBuilders = [.. columns.Select(type => typeof(RowStatement)
            .GetMethod(nameof(BuildColumn), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type)
            .CreateDelegate<Func<IReadOnlyList<(int Index, object?[] Row)>, int, Array>>())];
    }

    public string Sql { get; }
    public Type[] Columns { get; }

    /// <summary>The statement returns the keys of the rows it wrote (see the constructor).</summary>
    public bool ReturnsKeys => _returnedKey is not null;

    /// <summary>A row's key (its two key columns).</summary>
    public RowKey Key(object?[] row) => new(row[_returnedKey![0]], row[_returnedKey[1]]);

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
