using DescentLab.Core.Training;
using DescentLab.Output.Columns;

namespace DescentLab.Output.Csv;

/// <summary>curves/&lt;run_id&gt;.csv: one run's curve in the run folders written before curves.csv, which are still read
/// (<see cref="PerRunCurves"/>).</summary>
/// <remarks>Columns <see cref="CurveColumns.Measures"/>, then <c>accuracy</c> for classification problems, then one
/// column per parameter: curves.csv's columns without run_id and without the cells the run does not fill. Row 0 is the
/// initial state.</remarks>
public static class CurveCsv
{
    /// <summary>The folder of curve files in a run folder.</summary>
    public const string FolderName = "curves";

    /// <summary>Path of the curve of <paramref name="runId"/> relative to the run folder.</summary>
    public static string RelativePath(string runId) => Path.Combine(FolderName, runId + ".csv");

    /// <summary>Reads one run's curve file.</summary>
    /// <exception cref="RunFileException">The file is missing or malformed (the message names file and line).</exception>
    public static Curve Read(string path)
    {
        using var csv = CsvTableReader.Open(path);
        int first = csv.ExpectColumns(CurveColumns.Measures);
        bool hasAccuracy = first < csv.Header.Count && csv.Header[first] == CurveColumns.Accuracy;
        if (hasAccuracy)
        {
            first++;
        }

        var names = new List<string>();
        for (int column = first; column < csv.Header.Count; column++)
        {
            string name = csv.Header[column];
            if (name.Length == 0 || names.Contains(name) || CurveColumns.Measures.Contains(name))
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
