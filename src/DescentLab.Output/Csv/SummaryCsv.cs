using DescentLab.Core.Training;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Csv;

/// <summary>summary.csv: one row per run (SPEC §7).</summary>
/// <remarks>Columns: <see cref="LeadingColumns"/>, one column per parameter name, then <c>message</c> and <c>wall_ms</c>.
/// Parameter columns come in order of first appearance over the rows; a name first seen in a later row is placed before the
/// next name of that row already placed, so every row keeps its model's order (w, b then w1, w2, b gives w, w1, w2, b).
/// A row's model lacks the parameters whose cells are empty. Reading gives back equal rows, bit for bit.</remarks>
public static class SummaryCsv
{
    /// <summary>The file name in a run folder.</summary>
    public const string FileName = "summary.csv";

    /// <summary>The columns before the parameter columns, in order.</summary>
    public static IReadOnlyList<string> LeadingColumns { get; } =
    [
        "run_id", "dataset", "dataset_key", "recipe", "n", "seed", "model", "loss", "variant", "lr", "step", "batch", "shuffle",
        "hyper", "status", "epochs", "steps", "final_loss", "optimum_loss", "optimum_attained", "final_gap", "epochs_to_target",
        "grad_evals_to_target", "grad_evals",
    ];

    /// <summary>The columns after the parameter columns, in order.</summary>
    public static IReadOnlyList<string> TrailingColumns { get; } = ["message", "wall_ms"];

    /// <summary>Writes <paramref name="rows"/> with a header.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<SummaryRow> rows)
    {
        var parameters = MergeParameterNames(rows);
        using var csv = new CsvTableWriter(writer);
        csv.Header([.. LeadingColumns, .. parameters, .. TrailingColumns]);
        var cells = new double?[parameters.Count];
        foreach (var row in rows)
        {
            WriteLeading(csv, row);
            Array.Clear(cells);
            foreach (var (name, value) in row.FinalParameters)
            {
                cells[parameters.IndexOf(name)] = value;
            }

            foreach (double? cell in cells)
            {
                csv.Field(cell);
            }

            csv.Field(row.Message);
            csv.Field(row.WallMs);
            csv.EndRecord();
        }
    }

    /// <summary>Reads a summary.csv written by <see cref="Write"/>.</summary>
    /// <exception cref="RunFileException">The file is missing or malformed (the message names file and line).</exception>
    public static IReadOnlyList<SummaryRow> Read(string path)
    {
        using var csv = CsvTableReader.Open(path);
        int first = csv.ExpectColumns(LeadingColumns);
        int last = csv.Header.Count - TrailingColumns.Count;
        if (last < first)
        {
            throw new RunFileException(path, 1, $"expected the columns {string.Join(',', TrailingColumns)} after the parameter columns");
        }

        csv.ExpectColumns(TrailingColumns, last);
        var parameters = ReadParameterColumns(csv, first, last);
        var rows = new List<SummaryRow>();
        var runIds = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var row = ReadRow(csv, parameters, first, last);
            if (!runIds.Add(row.RunId))
            {
                throw csv.Error($"run_id '{row.RunId}' appears twice");
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The parameter column names for <paramref name="rows"/> (see remarks on <see cref="SummaryCsv"/>).</summary>
    public static IReadOnlyList<string> ParameterColumns(IReadOnlyList<SummaryRow> rows) => MergeParameterNames(rows);

    private static List<string> MergeParameterNames(IReadOnlyList<SummaryRow> rows)
    {
        var names = new List<string>();
        foreach (var row in rows)
        {
            var parameters = row.FinalParameters;
            for (int i = 0; i < parameters.Count; i++)
            {
                if (names.Contains(parameters[i].Key))
                {
                    continue;
                }

                int insertAt = names.Count;
                for (int j = i + 1; j < parameters.Count; j++)
                {
                    int known = names.IndexOf(parameters[j].Key);
                    if (known >= 0)
                    {
                        insertAt = known;
                        break;
                    }
                }

                names.Insert(insertAt, parameters[i].Key);
            }
        }

        return names;
    }

    private static void WriteLeading(CsvTableWriter csv, SummaryRow row)
    {
        csv.Field(row.RunId);
        csv.Field(row.Dataset);
        csv.Field(row.DatasetKey);
        csv.Field(row.Recipe);
        csv.Field(row.N);
        csv.Field(row.Seed);
        csv.Field(row.Model);
        csv.Field(row.Loss);
        csv.Field(row.Variant);
        csv.Field(row.Lr);
        csv.Field(row.Step);
        csv.Field(row.Batch);
        csv.Field(row.Shuffle);
        csv.Field(row.HyperParameters);
        csv.Field(row.Status.ToKey());
        csv.Field(row.Epochs);
        csv.Field(row.Steps);
        csv.Field(row.FinalLoss);
        csv.Field(row.OptimumLoss);
        csv.Field(row.OptimumAttained);
        csv.Field(row.FinalGap);
        csv.Field(row.EpochsToTarget);
        csv.Field(row.GradEvalsToTarget);
        csv.Field(row.GradEvals);
    }

    // Column indices follow LeadingColumns; first..last are the parameter columns.
    private static SummaryRow ReadRow(CsvTableReader csv, IReadOnlyList<string> parameterNames, int first, int last)
    {
        string statusKey = csv.Text(14);
        if (!RunStatusKeys.TryParse(statusKey, out RunStatus status))
        {
            throw csv.FieldError(14, statusKey, "converged, not_converged, diverged or failed");
        }

        var parameters = new List<KeyValuePair<string, double>>();
        for (int column = first; column < last; column++)
        {
            if (csv.NullableDouble(column) is { } value)
            {
                parameters.Add(new(parameterNames[column - first], value));
            }
        }

        return new SummaryRow
        {
            RunId = csv.RequiredText(0),
            Dataset = csv.RequiredText(1),
            DatasetKey = csv.RequiredText(2),
            Recipe = csv.NullableText(3),
            N = csv.Int32(4),
            Seed = csv.UInt64(5),
            Model = csv.RequiredText(6),
            Loss = csv.RequiredText(7),
            Variant = csv.RequiredText(8),
            Lr = csv.NullableDouble(9),
            Step = csv.NullableDouble(10),
            Batch = csv.Int32(11),
            Shuffle = csv.Boolean(12),
            HyperParameters = csv.Text(13),
            Status = status,
            Epochs = csv.Int32(15),
            Steps = csv.Int64(16),
            FinalLoss = csv.Double(17),
            OptimumLoss = csv.Double(18),
            OptimumAttained = csv.Boolean(19),
            FinalGap = csv.Double(20),
            EpochsToTarget = csv.NullableInt32(21),
            GradEvalsToTarget = csv.NullableInt64(22),
            GradEvals = csv.Int64(23),
            FinalParameters = parameters,
            Message = csv.Text(last),
            WallMs = csv.Double(last + 1),
        };
    }

    private static List<string> ReadParameterColumns(CsvTableReader csv, int first, int last)
    {
        var names = new List<string>();
        for (int column = first; column < last; column++)
        {
            string name = csv.Header[column];
            if (name.Length == 0 || names.Contains(name) || LeadingColumns.Contains(name) || TrailingColumns.Contains(name))
            {
                throw new RunFileException(csv.Path, 1, $"column {column + 1}: '{name}' is not a valid parameter column (empty or repeated)");
            }

            names.Add(name);
        }

        return names;
    }
}
