using System.Globalization;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Compare;

/// <summary>The text <c>descentlab compare</c> prints: one line per setting × metric with before / after (median and worst
/// seed) and the ratio of the medians, marked <c>regression</c> when worse beyond tolerance and <c>improvement</c> when
/// better (words, not asv's <c>+</c> and <c>-</c>, so a regression is found by reading or grepping the log), then each
/// problem's leader before and after by the same rule as the report's headline.</summary>
public static class ComparisonTable
{
    private static readonly string[] Headers = ["change", "before", "after", "ratio", "metric", "setting"];

    /// <summary>Writes <paramref name="comparison"/>: a changed config first, then the table, the leaders, then the counts.</summary>
    public static void Write(TextWriter writer, FolderComparison comparison)
    {
        var report = comparison.Report;
        var t = comparison.Tolerances;
        writer.WriteLine(Inv($"Comparing {comparison.Before} (before) with {comparison.After} (after); tolerances: gap {t.GapRelTol:R} relative, {t.GapAbsTol:R} absolute; epochs {t.EpochsTol}; allow_missing {(t.AllowMissing ? "true" : "false")}."));
        if (report.ConfigChange is { } change)
        {
            writer.WriteLine(change);
        }

        if (report.MachineChange is { } machine)
        {
            writer.WriteLine(machine);
        }

        writer.WriteLine("Before and after are the median over seeds, then the worst seed in brackets.");
        var rows = report.Settings.Select(s => new[]
        {
            s.Direction > 0 ? "regression" : s.Direction < 0 ? "improvement" : string.Empty,
            $"{s.BaselineMedian} [{s.BaselineWorst}]",
            $"{s.CurrentMedian} [{s.CurrentWorst}]",
            s.Ratio,
            s.Metric,
            s.Setting,
        }).Prepend(Headers).ToList();
        int[] widths = [.. Enumerable.Range(0, Headers.Length).Select(c => rows.Max(r => r[c].Length))];
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        }

        foreach (var (problem, before, after) in comparison.Leaders)
        {
            writer.WriteLine($"Leader of {problem.Label}: {before?.Label ?? "did not run"} (before), {after?.Label ?? "did not run"} (after).");
        }

        int regressions = report.SettingRegressions.Count();
        int improvements = report.SettingImprovements.Count();
        writer.WriteLine(Inv($"{regressions} regressions, {improvements} improvements, {report.Settings.Count - regressions - improvements} unchanged (setting × metric); {report.NewRuns.Count} new runs, {report.MissingRuns.Count} missing runs."));
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
