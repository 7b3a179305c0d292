using DescentLab.Core.Training;

namespace DescentLab.Output.Csv;

/// <summary>curves/&lt;run_id&gt;.csv: one row per epoch (or step) of a run.</summary>
/// <remarks>Columns <c>epoch,step,loss,gap,grad_norm</c>, then <c>accuracy</c> for classification problems (curves that
/// track it), then one column per parameter. Row 0 is the initial state.
/// Numbers are invariant and round-trip exact, so reading gives back the curve bit for bit.</remarks>
public static class CurveCsv
{
    /// <summary>The folder of curve files in a run folder.</summary>
    public const string FolderName = "curves";

    /// <summary>Path of the curve of <paramref name="runId"/> relative to the run folder.</summary>
    public static string RelativePath(string runId) => Path.Combine(FolderName, runId + ".csv");

    /// <summary>The columns before the parameter columns, in order.</summary>
    public static IReadOnlyList<string> LeadingColumns { get; } = ["epoch", "step", "loss", "gap", "grad_norm"];

    /// <summary>The column after <see cref="LeadingColumns"/> in curves of classification problems.</summary>
    public const string AccuracyColumn = "accuracy";

    /// <summary>Writes <paramref name="curve"/> with a header.</summary>
    public static void Write(TextWriter writer, Curve curve)
    {
        using var csv = new CsvTableWriter(writer);
        csv.Header([.. LeadingColumns, .. (curve.Accuracy is null ? Array.Empty<string>() : [AccuracyColumn]), .. curve.ParameterNames]);
        for (int row = 0; row < curve.Count; row++)
        {
            csv.Field(curve.Epoch[row]);
            csv.Field(curve.Step[row]);
            csv.Field(curve.Loss[row]);
            csv.Field(curve.Gap[row]);
            csv.Field(curve.GradNorm[row]);
            if (curve.Accuracy is { } accuracy)
            {
                csv.Field(accuracy[row]);
            }

            foreach (double value in curve.ParametersAt(row))
            {
                csv.Field(value);
            }

            csv.EndRecord();
        }
    }

    /// <summary>Reads a curve written by <see cref="Write"/>.</summary>
    /// <exception cref="RunFileException">The file is missing or malformed (the message names file and line).</exception>
    public static Curve Read(string path)
    {
        using var csv = CsvTableReader.Open(path);
        int first = csv.ExpectColumns(LeadingColumns);
        bool hasAccuracy = first < csv.Header.Count && csv.Header[first] == AccuracyColumn;
        if (hasAccuracy)
        {
            first++;
        }

        var names = new List<string>();
        for (int column = first; column < csv.Header.Count; column++)
        {
            string name = csv.Header[column];
            if (name.Length == 0 || names.Contains(name) || LeadingColumns.Contains(name))
            {
                throw new RunFileException(path, 1, $"column {column + 1}: '{name}' is not a valid parameter column (empty or repeated)");
            }

            names.Add(name);
        }

        var epoch = new List<int>();
        var step = new List<long>();
        var loss = new List<double>();
        var gap = new List<double>();
        var gradNorm = new List<double>();
        var parameters = new List<double>();
        var accuracy = new List<double>();
        while (csv.Read())
        {
            epoch.Add(csv.Int32(0));
            step.Add(csv.Int64(1));
            loss.Add(csv.Double(2));
            gap.Add(csv.Double(3));
            gradNorm.Add(csv.Double(4));
            if (hasAccuracy)
            {
                accuracy.Add(csv.Double(5));
            }

            for (int column = first; column < first + names.Count; column++)
            {
                parameters.Add(csv.Double(column));
            }
        }

        return new Curve(names, [.. epoch], [.. step], [.. loss], [.. gap], [.. gradNorm], [.. parameters], hasAccuracy ? [.. accuracy] : null);
    }
}
