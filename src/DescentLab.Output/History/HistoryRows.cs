using System.Data;
using System.Data.Common;
using DescentLab.Experiments.Results;
using DescentLab.Output.Columns;

namespace DescentLab.Output.History;

/// <summary>Moves <see cref="SummaryRow"/>s in and out of the <c>runs</c> table, one column per
/// <see cref="SummaryColumns.History"/> entry.</summary>
/// <remarks>Rows keep plan order through the dialect's row order (SQLite's rowid). Rows migrated from older schemas lack
/// the later columns: they read as the column type's empty value (empty text, zero, NaN, false).</remarks>
internal static class HistoryRows
{
    private static readonly IReadOnlyList<SummaryColumn> Columns = SummaryColumns.History;

    private static readonly string ColumnList = string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>Inserts <paramref name="rows"/> of run set <paramref name="runSetId"/> in order.</summary>
    public static void Insert(HistoryDialect dialect, DbConnection connection, DbTransaction transaction, long runSetId, IReadOnlyList<SummaryRow> rows)
    {
        using var insert = dialect.PrepareInsert(
            connection,
            transaction,
            $"INSERT INTO runs (run_set_id, {ColumnList}) VALUES (@run_set_id, {string.Join(", ", Columns.Select(c => "@" + c.Name))});",
            [new("@run_set_id", DbType.Int64), .. Columns.Select(c => new RowInsert.Parameter("@" + c.Name, DbTypeOf(c)))]);
        var values = new object?[Columns.Count + 1];
        values[0] = runSetId;
        foreach (var row in rows)
        {
            for (int i = 0; i < Columns.Count; i++)
            {
                values[i + 1] = Columns[i].ToSql(row);
            }

            insert.Insert(values);
        }
    }

    /// <summary>The rows of run set <paramref name="runSetId"/>, in plan order.</summary>
    /// <exception cref="InvalidDataException">A stored cell cannot be read (the message names the run set and run).</exception>
    public static IReadOnlyList<SummaryRow> Read(DbConnection connection, HistoryDialect dialect, long runSetId, DbTransaction? transaction = null)
    {
        using var query = HistoryDialect.Command(connection, $"SELECT {ColumnList} FROM runs WHERE run_set_id = @id ORDER BY {dialect.RowOrder};", transaction);
        HistoryDialect.Add(query, "@id", DbType.Int64, runSetId);
        using var reader = query.ExecuteReader();
        var rows = new List<SummaryRow>();
        while (reader.Read())
        {
            var row = SummaryColumns.Blank;
            for (int i = 0; i < Columns.Count; i++)
            {
                try
                {
                    row = Columns[i].Read(row, reader, i);
                }
                catch (Exception ex) when (ex is InvalidDataException or InvalidCastException or OverflowException)
                {
                    throw new InvalidDataException($"run set {runSetId}, run '{reader.GetString(0)}': {ex.Message}", ex);
                }
            }

            rows.Add(row);
        }

        return rows;
    }

    private static DbType DbTypeOf(SummaryColumn column) => column.SqlType switch
    {
        "INTEGER" => DbType.Int64,
        "REAL" => DbType.Double,
        _ => DbType.String,
    };
}
