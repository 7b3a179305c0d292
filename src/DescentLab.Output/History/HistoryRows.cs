using DescentLab.Experiments.Results;
using DescentLab.Output.Columns;
using Microsoft.Data.Sqlite;

namespace DescentLab.Output.History;

/// <summary>Moves <see cref="SummaryRow"/>s in and out of the <c>runs</c> table, one SQLite column per
/// <see cref="SummaryColumns.History"/> entry.</summary>
/// <remarks>Rows keep plan order through SQLite's rowid. Rows migrated from older schemas lack the later columns: they read
/// as the column type's empty value (empty text, zero, NaN, false).</remarks>
internal static class HistoryRows
{
    private static readonly IReadOnlyList<SummaryColumn> Columns = SummaryColumns.History;

    private static readonly string ColumnList = string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>Inserts <paramref name="rows"/> of run set <paramref name="runSetId"/> in order.</summary>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, long runSetId, IReadOnlyList<SummaryRow> rows)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            $"INSERT INTO runs (run_set_id, {ColumnList}) VALUES ($run_set_id, {string.Join(", ", Columns.Select(c => "$" + c.Name))});";
        insert.Parameters.AddWithValue("$run_set_id", runSetId);
        var values = new SqliteParameter[Columns.Count];
        for (int i = 0; i < Columns.Count; i++)
        {
            values[i] = insert.Parameters.Add("$" + Columns[i].Name, SqlType(Columns[i]));
        }

        insert.Prepare();
        foreach (var row in rows)
        {
            for (int i = 0; i < Columns.Count; i++)
            {
                values[i].Value = Columns[i].ToSql(row) ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The rows of run set <paramref name="runSetId"/>, in plan order.</summary>
    /// <exception cref="InvalidDataException">A stored cell cannot be read (the message names the run set and run).</exception>
    public static IReadOnlyList<SummaryRow> Read(SqliteConnection connection, long runSetId)
    {
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {ColumnList} FROM runs WHERE run_set_id = $id ORDER BY rowid;";
        query.Parameters.AddWithValue("$id", runSetId);
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
                catch (InvalidDataException ex)
                {
                    throw new InvalidDataException($"run set {runSetId}, run '{reader.GetString(0)}': {ex.Message}", ex);
                }
            }

            rows.Add(row);
        }

        return rows;
    }

    private static SqliteType SqlType(SummaryColumn column) => column.SqlType switch
    {
        "INTEGER" => SqliteType.Integer,
        "REAL" => SqliteType.Real,
        _ => SqliteType.Text,
    };
}
