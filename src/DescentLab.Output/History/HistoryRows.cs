using System.Globalization;
using System.Text;
using DescentLab.Core.Training;
using DescentLab.Experiments.Results;
using Microsoft.Data.Sqlite;

namespace DescentLab.Output.History;

/// <summary>Moves <see cref="SummaryRow"/>s in and out of the <c>runs</c> table.</summary>
/// <remarks>Rows keep plan order through SQLite's rowid. Seeds are stored as the signed 64-bit integer with the same bits.
/// NaN doubles become NULL (SQLite has no NaN) and read back as NaN. Final parameters are one text column,
/// <c>w=1.2;b=0.3</c>, in round-trip form. Rows migrated from schema v1 lack the later columns: they read as empty text,
/// zero, NaN or false.</remarks>
internal static class HistoryRows
{
    private static readonly string[] Columns =
    [
        "run_id", "dataset", "dataset_key", "recipe", "n", "seed", "model", "loss", "variant", "lr", "step", "batch", "shuffle",
        "hyper", "status", "epochs", "steps", "final_loss", "optimum_loss", "optimum_attained", "final_gap", "epochs_to_target",
        "grad_evals_to_target", "grad_evals", "final_parameters", "message", "wall_ms",
    ];

    /// <summary>Inserts <paramref name="rows"/> of run set <paramref name="runSetId"/> in order.</summary>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, long runSetId, IReadOnlyList<SummaryRow> rows)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            $"INSERT INTO runs (run_set_id, {string.Join(", ", Columns)}) VALUES ($run_set_id, {string.Join(", ", Columns.Select(c => "$" + c))});";
        insert.Parameters.AddWithValue("$run_set_id", runSetId);
        var values = new SqliteParameter[Columns.Length];
        for (int i = 0; i < Columns.Length; i++)
        {
            values[i] = insert.Parameters.Add("$" + Columns[i], SqliteType.Text);
        }

        insert.Prepare();
        foreach (var row in rows)
        {
            object?[] cells =
            [
                row.RunId, row.Dataset, row.DatasetKey, row.Recipe, row.N, unchecked((long)row.Seed), row.Model, row.Loss, row.Variant,
                Real(row.Lr), Real(row.Step), row.Batch, row.Shuffle, row.HyperParameters, row.Status.ToKey(), row.Epochs, row.Steps,
                Real(row.FinalLoss), Real(row.OptimumLoss), row.OptimumAttained, Real(row.FinalGap), row.EpochsToTarget,
                row.GradEvalsToTarget, row.GradEvals, FormatParameters(row.FinalParameters), row.Message, Real(row.WallMs),
            ];
            for (int i = 0; i < cells.Length; i++)
            {
                values[i].SqliteType = cells[i] switch
                {
                    string => SqliteType.Text,
                    double => SqliteType.Real,
                    _ => SqliteType.Integer,
                };
                values[i].Value = cells[i] ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The rows of run set <paramref name="runSetId"/>, in plan order.</summary>
    /// <exception cref="InvalidDataException">A stored status or parameter list cannot be read.</exception>
    public static IReadOnlyList<SummaryRow> Read(SqliteConnection connection, long runSetId)
    {
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {string.Join(", ", Columns)} FROM runs WHERE run_set_id = $id ORDER BY rowid;";
        query.Parameters.AddWithValue("$id", runSetId);
        using var reader = query.ExecuteReader();
        var rows = new List<SummaryRow>();
        while (reader.Read())
        {
            string runId = reader.GetString(0);
            string statusKey = reader.GetString(14);
            if (!RunStatusKeys.TryParse(statusKey, out RunStatus status))
            {
                throw new InvalidDataException($"run set {runSetId}, run '{runId}': unknown status '{statusKey}'");
            }

            rows.Add(new SummaryRow
            {
                RunId = runId,
                Dataset = reader.GetString(1),
                DatasetKey = Text(reader, 2),
                Recipe = reader.IsDBNull(3) ? null : reader.GetString(3),
                N = reader.IsDBNull(4) ? 0 : reader.GetInt32(4),
                Seed = unchecked((ulong)reader.GetInt64(5)),
                Model = reader.GetString(6),
                Loss = Text(reader, 7),
                Variant = reader.GetString(8),
                Lr = reader.IsDBNull(9) ? null : reader.GetDouble(9),
                Step = reader.IsDBNull(10) ? null : reader.GetDouble(10),
                Batch = reader.IsDBNull(11) ? 0 : reader.GetInt32(11),
                Shuffle = !reader.IsDBNull(12) && reader.GetBoolean(12),
                HyperParameters = Text(reader, 13),
                Status = status,
                Epochs = reader.IsDBNull(15) ? 0 : reader.GetInt32(15),
                Steps = reader.IsDBNull(16) ? 0 : reader.GetInt64(16),
                FinalLoss = Double(reader, 17),
                OptimumLoss = Double(reader, 18),
                OptimumAttained = !reader.IsDBNull(19) && reader.GetBoolean(19),
                FinalGap = Double(reader, 20),
                EpochsToTarget = reader.IsDBNull(21) ? null : reader.GetInt32(21),
                GradEvalsToTarget = reader.IsDBNull(22) ? null : reader.GetInt64(22),
                GradEvals = reader.IsDBNull(23) ? 0 : reader.GetInt64(23),
                FinalParameters = ParseParameters(Text(reader, 24), runSetId, runId),
                Message = Text(reader, 25),
                WallMs = Double(reader, 26),
            });
        }

        return rows;
    }

    // SQLite refuses NaN (Microsoft.Data.Sqlite throws on it), so NaN is stored as NULL.
    private static object? Real(double? value) => value is { } v && !double.IsNaN(v) ? v : null;

    private static string Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? string.Empty : reader.GetString(column);

    private static double Double(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? double.NaN : reader.GetDouble(column);

    private static string FormatParameters(IReadOnlyList<KeyValuePair<string, double>> parameters)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            text.Append(text.Length == 0 ? string.Empty : ";").Append(name).Append('=').Append(value.ToString("R", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static List<KeyValuePair<string, double>> ParseParameters(string text, long runSetId, string runId)
    {
        var parameters = new List<KeyValuePair<string, double>>();
        if (text.Length == 0)
        {
            return parameters;
        }

        foreach (string pair in text.Split(';'))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !double.TryParse(pair.AsSpan(equals + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw new InvalidDataException($"run set {runSetId}, run '{runId}': cannot read final parameters '{text}'");
            }

            parameters.Add(new(pair[..equals], value));
        }

        return parameters;
    }
}
