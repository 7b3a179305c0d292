using System.Globalization;
using DescentLab.Experiments.Results;
using DescentLab.Output.Columns;

namespace DescentLab.Output.Csv;

/// <summary>regression.csv: a run set's <see cref="RegressionReport"/>, so <c>report RUNDIR</c> can re-render it.</summary>
/// <remarks>Columns <c>kind,run_id,metric,baseline,current,change,baseline_worst,current_worst,tolerance</c>. The first row has
/// kind <c>source</c> and the baseline's source in <c>baseline</c>; the second has kind <c>unchanged</c> and the number of
/// unchanged runs in <c>current</c>. Then, when known, a <c>config</c> row (baseline and current config hashes; an empty
/// baseline hash means unknown) and a <c>not_compared</c> row (the reason in <c>change</c>). Then one row per setting ×
/// metric (kind <c>setting_regression</c>, <c>setting_improvement</c> or <c>setting_unchanged</c>: the setting in
/// <c>run_id</c>, medians in <c>baseline</c> and <c>current</c>, the ratio in <c>change</c>, and the worst seeds and the
/// tolerance), then the per-seed rows: one per finding (kind <c>regression</c> or <c>improvement</c>), per new run
/// (<c>new</c>) and per missing run (<c>missing</c>). Written and read through <see cref="RegressionColumns"/>, by header
/// name; files with only the first six columns (older run folders) still read.</remarks>
public static class RegressionCsv
{
    /// <summary>The file name in a run folder.</summary>
    public const string FileName = "regression.csv";

    private const string SettingPrefix = "setting_";

    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. RegressionColumns.All.Select(c => c.Name)];

    /// <summary>Writes <paramref name="report"/> with a header.</summary>
    public static void Write(TextWriter writer, RegressionReport report) => CsvColumnTable.Write(writer, RegressionColumns.All, Records(report));

    /// <summary>Reads a report written by <see cref="Write"/> (or by an older version without the per-setting columns).</summary>
    /// <exception cref="RunFileException">The file is missing or malformed (the message names file and line).</exception>
    public static RegressionReport Read(string path)
    {
        var records = CsvColumnTable.Read(path, RegressionColumns.All, RegressionColumns.Blank);
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
        for (int i = 0; i < records.Count; i++)
        {
            var r = records[i];
            long line = i + 2;
            switch (r.Kind)
            {
                case "source":
                    source = r.Baseline;
                    break;
                case "unchanged":
                    unchanged = int.TryParse(r.Current, NumberStyles.None, CultureInfo.InvariantCulture, out int count)
                        ? count
                        : throw new RunFileException(path, line, $"column current: expected an integer but found '{r.Current}'");
                    break;
                case "config":
                    baselineHash = r.Baseline.Length > 0 ? r.Baseline : null;
                    configHash = Required(path, line, "current", r.Current);
                    break;
                case "not_compared":
                    notCompared = Required(path, line, "change", r.Change);
                    break;
                case "setting_regression" or "setting_improvement" or "setting_unchanged":
                    int direction = r.Kind == "setting_regression" ? 1 : r.Kind == "setting_improvement" ? -1 : 0;
                    settings.Add(new SettingComparison(
                        Required(path, line, "run_id", r.RunId), Required(path, line, "metric", r.Metric), r.Baseline, r.BaselineWorst,
                        r.Current, r.CurrentWorst, r.Change, r.Tolerance, direction));
                    break;
                case "regression":
                    regressions.Add(Finding(path, line, r));
                    break;
                case "improvement":
                    improvements.Add(Finding(path, line, r));
                    break;
                case "new":
                    newRuns.Add(Required(path, line, "run_id", r.RunId));
                    break;
                default:
                    missingRuns.Add(Required(path, line, "run_id", r.RunId));
                    break;
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

    private static IEnumerable<RegressionRecord> Records(RegressionReport report)
    {
        yield return new("source", Baseline: report.BaselineSource);
        yield return new("unchanged", Current: report.Unchanged.ToString(CultureInfo.InvariantCulture));
        if (report.ConfigHash is not null)
        {
            yield return new("config", Baseline: report.BaselineConfigHash ?? string.Empty, Current: report.ConfigHash);
        }

        if (report.NotCompared is not null)
        {
            yield return new("not_compared", Change: report.NotCompared);
        }

        foreach (var s in report.Settings)
        {
            string kind = SettingPrefix + (s.Direction > 0 ? "regression" : s.Direction < 0 ? "improvement" : "unchanged");
            yield return new(kind, s.Setting, s.Metric, s.BaselineMedian, s.CurrentMedian, s.Ratio, s.BaselineWorst, s.CurrentWorst, s.Tolerance);
        }

        foreach (var f in report.Regressions)
        {
            yield return new("regression", f.RunId, f.Metric, f.Baseline, f.Current, f.Change);
        }

        foreach (var f in report.Improvements)
        {
            yield return new("improvement", f.RunId, f.Metric, f.Baseline, f.Current, f.Change);
        }

        foreach (string runId in report.NewRuns)
        {
            yield return new("new", runId);
        }

        foreach (string runId in report.MissingRuns)
        {
            yield return new("missing", runId);
        }
    }

    private static RegressionFinding Finding(string path, long line, RegressionRecord r) =>
        new(Required(path, line, "run_id", r.RunId), Required(path, line, "metric", r.Metric), r.Baseline, r.Current, r.Change);

    private static string Required(string path, long line, string column, string text) =>
        text.Length > 0 ? text : throw new RunFileException(path, line, $"column {column}: expected a value but found ''");
}
