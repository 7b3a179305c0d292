using DescentLab.Experiments.Results;
using static DescentLab.Output.Report.ReportFormat;

namespace DescentLab.Output.Report;

/// <summary>The regression check against the baseline: a changed config first, then regressions and improvements per
/// problem × variant setting and metric, then counts.</summary>
internal static class RegressionSection
{
    private const int MaxListedIds = 10;

    private static readonly string[] Headers =
        ["setting", "metric", "baseline median", "baseline worst", "now median", "now worst", "ratio", "tolerance"];

    /// <summary>Writes the section; without a report it says why nothing was compared.</summary>
    public static void Write(MarkdownWriter md, RunSet set)
    {
        md.Heading(2, "Regression check");
        if (set.Regression is not { } report)
        {
            md.Paragraph(WhyNoReport(set.Manifest));
            return;
        }

        if (report.NotCompared is { } reason)
        {
            md.Paragraph("Baseline: " + MarkdownWriter.Code(report.BaselineSource) + ". " + MarkdownWriter.Escape(reason));
            return;
        }

        if (report.ConfigChange is { } change)
        {
            md.Paragraph("**Config changed:** " + MarkdownWriter.Escape(change));
        }

        if (report.MachineChange is { } machine)
        {
            md.Paragraph("**Other machine:** " + MarkdownWriter.Escape(machine));
        }

        md.Paragraph("Baseline: " + MarkdownWriter.Code(report.BaselineSource) + ". Each problem × variant setting is compared over "
            + "the seeds both run sets have: a metric regresses when its median or its worst seed got worse beyond the tolerance. "
            + "Per-seed rows are in `regression.csv`.");
        WriteTables(md, report, 3);
        md.Bullets(
        [
            Inv($"Setting × metric comparisons unchanged within tolerance: {report.Settings.Count(s => s.Direction == 0)}"),
            Inv($"Per seed: {report.Regressions.Count} regressions, {report.Improvements.Count} improvements, {report.Unchanged} runs unchanged"),
            Inv($"New runs (not in the baseline): {report.NewRuns.Count}{Ids(report.NewRuns)}"),
            Inv($"Missing runs (in the baseline only): {report.MissingRuns.Count}{Ids(report.MissingRuns)}"),
        ]);

        // What passed only by a rule (runs excused by allow_missing, a changed setting judged no worse) is said, not silent.
        var said = report.Settings.Where(s => s.Direction == 0 && s.Message is not null).ToList();
        if (said.Count > 0)
        {
            md.Paragraph("Passed with a reason:");
            md.Bullets([.. said.Take(MaxListedIds).Select(c => MarkdownWriter.Code(c.Setting) + ": " + MarkdownWriter.Escape(c.Describe()))]);
        }
    }

    /// <summary>The regressions and improvements tables, one row per setting and metric, under headings of <paramref name="level"/>.</summary>
    public static void WriteTables(MarkdownWriter md, RegressionReport report, int level)
    {
        WriteComparisons(md, level, "Regressions", [.. report.SettingRegressions]);
        WriteComparisons(md, level, "Improvements", [.. report.SettingImprovements]);
    }

    private static string WhyNoReport(RunManifest manifest)
    {
        if (manifest.Shard is not null)
        {
            return "This run set is one shard of the run matrix; the regression check runs when `descentlab merge` joins the shards.";
        }

        return manifest.ResolvedConfig.Regression is null
            ? "No baseline is configured, so nothing was compared. Add a `regression:` block with a `baseline` to the config to check runs against one."
            : "The config has a `regression:` block, but no comparison was recorded for this run set.";
    }

    private static void WriteComparisons(MarkdownWriter md, int level, string title, IReadOnlyList<SettingComparison> comparisons)
    {
        md.Heading(level, Inv($"{title} ({comparisons.Count})"));
        if (comparisons.Count == 0)
        {
            md.Paragraph("None.");
            return;
        }

        // A sweep may move thousands of settings at once: the table stays readable, regression.csv keeps them all.
        md.Table(Headers, "llrrrrrl", comparisons.Take(MarkdownReport.MaxLeaderboardRows).Select(c => (IReadOnlyList<string>)
        [
            MarkdownWriter.Code(c.Setting),
            MarkdownWriter.Escape(c.Metric),
            MarkdownWriter.Escape(c.BaselineMedian),
            MarkdownWriter.Escape(c.BaselineWorst),
            MarkdownWriter.Escape(c.CurrentMedian),
            MarkdownWriter.Escape(c.CurrentWorst),
            MarkdownWriter.Escape(c.Ratio),
            MarkdownWriter.Escape(c.Tolerance),
        ]));
        if (comparisons.Count > MarkdownReport.MaxLeaderboardRows)
        {
            md.Paragraph(Inv($"The first {MarkdownReport.MaxLeaderboardRows} of {comparisons.Count}, in plan order; every comparison is in ") + MarkdownWriter.Code("regression.csv") + ".");
        }
    }

    private static string Ids(IReadOnlyList<string> ids) =>
        ids.Count is 0 or > MaxListedIds ? string.Empty : " (" + string.Join(", ", ids.Select(MarkdownWriter.Code)) + ")";
}
