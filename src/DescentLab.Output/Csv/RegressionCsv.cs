using System.Globalization;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Csv;

/// <summary>regression.csv: a run set's <see cref="RegressionReport"/>, so <c>report RUNDIR</c> can re-render it.</summary>
/// <remarks>Columns <c>kind,run_id,metric,baseline,current,change,baseline_worst,current_worst,tolerance</c>. The first row has
/// kind <c>source</c> and the baseline's source in <c>baseline</c>; the second has kind <c>unchanged</c> and the number of
/// unchanged runs in <c>current</c>. Then, when known, a <c>config</c> row (baseline and current config hashes; an empty
/// baseline hash means unknown) and a <c>not_compared</c> row (the reason in <c>change</c>). Then one row per setting ×
/// metric (kind <c>setting_regression</c>, <c>setting_improvement</c> or <c>setting_unchanged</c>: the setting in
/// <c>run_id</c>, medians in <c>baseline</c> and <c>current</c>, the ratio in <c>change</c>, and the worst seeds and the
/// tolerance), then the per-seed rows: one per finding (kind <c>regression</c> or <c>improvement</c>), per new run
/// (<c>new</c>) and per missing run (<c>missing</c>). Files with only the first six columns (older run folders) still read.</remarks>
public static class RegressionCsv
{
    /// <summary>The file name in a run folder.</summary>
    public const string FileName = "regression.csv";

    private const string SettingPrefix = "setting_";

    private static readonly string[] LegacyColumns = ["kind", "run_id", "metric", "baseline", "current", "change"];

    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. LegacyColumns, "baseline_worst", "current_worst", "tolerance"];

    /// <summary>Writes <paramref name="report"/> with a header.</summary>
    public static void Write(TextWriter writer, RegressionReport report)
    {
        using var csv = new CsvTableWriter(writer);
        csv.Header(Columns);
        Row(csv, "source", string.Empty, string.Empty, report.BaselineSource, string.Empty, string.Empty);
        Row(csv, "unchanged", string.Empty, string.Empty, string.Empty, report.Unchanged.ToString(CultureInfo.InvariantCulture), string.Empty);
        if (report.ConfigHash is not null)
        {
            Row(csv, "config", string.Empty, string.Empty, report.BaselineConfigHash ?? string.Empty, report.ConfigHash, string.Empty);
        }

        if (report.NotCompared is not null)
        {
            Row(csv, "not_compared", string.Empty, string.Empty, string.Empty, string.Empty, report.NotCompared);
        }

        foreach (var s in report.Settings)
        {
            string kind = SettingPrefix + (s.Direction > 0 ? "regression" : s.Direction < 0 ? "improvement" : "unchanged");
            Row(csv, kind, s.Setting, s.Metric, s.BaselineMedian, s.CurrentMedian, s.Ratio, s.BaselineWorst, s.CurrentWorst, s.Tolerance);
        }

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
        int columns = csv.ExpectColumns(LegacyColumns);
        if (csv.Header.Count != columns && (csv.Header.Count != Columns.Count || csv.ExpectColumns(Columns) != Columns.Count))
        {
            throw new RunFileException(path, 1, $"expected exactly the columns {string.Join(',', Columns)}");
        }

        bool wide = csv.Header.Count == Columns.Count;
        string? source = null;
        int? unchanged = null;
        string? baselineHash = null;
        string? configHash = null;
        string? notCompared = null;
        var settings = new List<SettingComparison>();
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
                case "config":
                    baselineHash = csv.NullableText(3);
                    configHash = csv.RequiredText(4);
                    break;
                case "not_compared":
                    notCompared = csv.RequiredText(5);
                    break;
                case "setting_regression" or "setting_improvement" or "setting_unchanged" when wide:
                    int direction = kind == "setting_regression" ? 1 : kind == "setting_improvement" ? -1 : 0;
                    settings.Add(new SettingComparison(
                        csv.RequiredText(1), csv.RequiredText(2), csv.Text(3), csv.Text(6), csv.Text(4), csv.Text(7), csv.Text(5), csv.Text(8), direction));
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
                    throw csv.FieldError(0, kind, "source, unchanged, config, not_compared, setting_regression, setting_improvement, setting_unchanged, regression, improvement, new or missing");
            }
        }

        if (source is null || unchanged is null)
        {
            throw new RunFileException(path, 0, "expected a 'source' row and an 'unchanged' row");
        }

        return new RegressionReport(source, regressions, improvements, newRuns, missingRuns, unchanged.Value)
        {
            Settings = settings,
            BaselineConfigHash = baselineHash,
            ConfigHash = configHash,
            NotCompared = notCompared,
        };
    }

    private static RegressionFinding Finding(CsvTableReader csv) =>
        new(csv.RequiredText(1), csv.RequiredText(2), csv.Text(3), csv.Text(4), csv.Text(5));

    private static void Row(
        CsvTableWriter csv,
        string kind,
        string runId,
        string metric,
        string baseline,
        string current,
        string change,
        string baselineWorst = "",
        string currentWorst = "",
        string tolerance = "")
    {
        csv.Field(kind);
        csv.Field(runId);
        csv.Field(metric);
        csv.Field(baseline);
        csv.Field(current);
        csv.Field(change);
        csv.Field(baselineWorst);
        csv.Field(currentWorst);
        csv.Field(tolerance);
        csv.EndRecord();
    }
}
