using System.Globalization;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Csv;

/// <summary>regression.csv: a run set's <see cref="RegressionReport"/>, so <c>report RUNDIR</c> can re-render it.</summary>
/// <remarks>Columns <c>kind,run_id,metric,baseline,current,change</c>. The first row has kind <c>source</c> and the baseline's
/// source in <c>baseline</c>; the second has kind <c>unchanged</c> and the number of unchanged runs in <c>current</c>. Then one
/// row per finding (kind <c>regression</c> or <c>improvement</c>), per new run (<c>new</c>) and per missing run
/// (<c>missing</c>), in the report's order.</remarks>
public static class RegressionCsv
{
    /// <summary>The file name in a run folder.</summary>
    public const string FileName = "regression.csv";

    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["kind", "run_id", "metric", "baseline", "current", "change"];

    /// <summary>Writes <paramref name="report"/> with a header.</summary>
    public static void Write(TextWriter writer, RegressionReport report)
    {
        using var csv = new CsvTableWriter(writer);
        csv.Header(Columns);
        Row(csv, "source", string.Empty, string.Empty, report.BaselineSource, string.Empty, string.Empty);
        Row(csv, "unchanged", string.Empty, string.Empty, string.Empty, report.Unchanged.ToString(CultureInfo.InvariantCulture), string.Empty);
        foreach (var finding in report.Regressions)
        {
            Row(csv, "regression", finding.RunId, finding.Metric, finding.Baseline, finding.Current, finding.Change);
        }

        foreach (var finding in report.Improvements)
        {
            Row(csv, "improvement", finding.RunId, finding.Metric, finding.Baseline, finding.Current, finding.Change);
        }

        foreach (string runId in report.NewRuns)
        {
            Row(csv, "new", runId, string.Empty, string.Empty, string.Empty, string.Empty);
        }

        foreach (string runId in report.MissingRuns)
        {
            Row(csv, "missing", runId, string.Empty, string.Empty, string.Empty, string.Empty);
        }
    }

    /// <summary>Reads a report written by <see cref="Write"/>.</summary>
    /// <exception cref="RunFileException">The file is missing or malformed (the message names file and line).</exception>
    public static RegressionReport Read(string path)
    {
        using var csv = CsvTableReader.Open(path);
        if (csv.ExpectColumns(Columns) != csv.Header.Count)
        {
            throw new RunFileException(path, 1, $"expected exactly the columns {string.Join(',', Columns)}");
        }

        string? source = null;
        int? unchanged = null;
        var regressions = new List<RegressionFinding>();
        var improvements = new List<RegressionFinding>();
        var newRuns = new List<string>();
        var missingRuns = new List<string>();
        while (csv.Read())
        {
            string kind = csv.Text(0);
            switch (kind)
            {
                case "source":
                    source = csv.Text(3);
                    break;
                case "unchanged":
                    unchanged = csv.Int32(4);
                    break;
                case "regression":
                    regressions.Add(Finding(csv));
                    break;
                case "improvement":
                    improvements.Add(Finding(csv));
                    break;
                case "new":
                    newRuns.Add(csv.RequiredText(1));
                    break;
                case "missing":
                    missingRuns.Add(csv.RequiredText(1));
                    break;
                default:
                    throw csv.FieldError(0, kind, "source, unchanged, regression, improvement, new or missing");
            }
        }

        if (source is null || unchanged is null)
        {
            throw new RunFileException(path, 0, "expected a 'source' row and an 'unchanged' row");
        }

        return new RegressionReport(source, regressions, improvements, newRuns, missingRuns, unchanged.Value);
    }

    private static RegressionFinding Finding(CsvTableReader csv) =>
        new(csv.RequiredText(1), csv.RequiredText(2), csv.Text(3), csv.Text(4), csv.Text(5));

    private static void Row(CsvTableWriter csv, string kind, string runId, string metric, string baseline, string current, string change)
    {
        csv.Field(kind);
        csv.Field(runId);
        csv.Field(metric);
        csv.Field(baseline);
        csv.Field(current);
        csv.Field(change);
        csv.EndRecord();
    }
}
