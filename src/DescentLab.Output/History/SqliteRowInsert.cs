using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DescentLab.Output.History;

/// <summary>A <see cref="RowInsert"/> on SQLite's own prepared statement: Microsoft.Data.Sqlite looks every parameter up
/// by name and converts its name to UTF-8 on each execution, which for a 20,000-run sweep was most of recording it. The
/// values are bound by position with the calls and checks Microsoft.Data.Sqlite uses, so the stored values are the same.</summary>
internal sealed class SqliteRowInsert : RowInsert
{
    private const string NaNMessage = "NaN values cannot be stored.";
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _index;

    /// <summary>Prepares <paramref name="sql"/> on <paramref name="connection"/>, whose write transaction is open.</summary>
    public SqliteRowInsert(SqliteConnection connection, string sql, IReadOnlyList<Parameter> parameters)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The history connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_database, sql, out _statement), _database);
        _index = [.. parameters.Select(p => raw.sqlite3_bind_parameter_index(_statement, p.Name) is > 0 and var i
            ? i
            : throw new InvalidOperationException($"The statement has no parameter {p.Name}."))];
    }

    /// <inheritdoc/>
    public override void Insert(ReadOnlySpan<object?> values)
    {
        for (int i = 0; i < _index.Length; i++)
        {
            int rc = values[i] switch
            {
                null => raw.sqlite3_bind_null(_statement, _index[i]),
                long value => raw.sqlite3_bind_int64(_statement, _index[i], value),
                double value when double.IsNaN(value) => throw new InvalidOperationException(NaNMessage),
                double value => raw.sqlite3_bind_double(_statement, _index[i], value),
                string value => raw.sqlite3_bind_text(_statement, _index[i], value),
                var other => throw new ArgumentException($"Cannot store a {other.GetType().Name} in history.", nameof(values)),
            };
            SqliteException.ThrowExceptionForRC(rc, _database);
        }

        int step = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (step != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(step, _database);
        }
    }

    /// <inheritdoc/>
    public override void Dispose() => _statement.Dispose();
}
