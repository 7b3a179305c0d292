using DescentLab.Experiments.Results;
using static DescentLab.Output.Report.ReportFormat;

namespace DescentLab.Output.Report;

/// <summary>The regression check against the baseline: regressions first, then improvements, then counts.</summary>
internal static class RegressionSection
{
    private const int MaxListedIds = 10;

    private static readonly string[] Headers = ["run", "metric", "baseline", "now", "change"];

    /// <summary>Writes the section; without a report it says that no baseline was configured.</summary>
    public static void Write(MarkdownWriter md, RegressionReport? report)
    {
        md.Heading(2, "Regression check");
        if (report is null)
        {
            md.Paragraph("No baseline was configured, so nothing was compared. Add a `regression:` block with a `baseline` to the config to check runs against one.");
            return;
        }

        md.Paragraph("Baseline: " + MarkdownWriter.Code(report.BaselineSource) + ".");
        WriteFindings(md, "Regressions", report.Regressions);
        WriteFindings(md, "Improvements", report.Improvements);
        md.Bullets(
        [
            Inv($"New runs (not in the baseline): {report.NewRuns.Count}{Ids(report.NewRuns)}"),
            Inv($"Missing runs (in the baseline only): {report.MissingRuns.Count}{Ids(report.MissingRuns)}"),
            Inv($"Unchanged within tolerance: {report.Unchanged}"),
        ]);
    }

    private static void WriteFindings(MarkdownWriter md, string title, IReadOnlyList<RegressionFinding> findings)
    {
        md.Heading(3, Inv($"{title} ({findings.Count})"));
        if (findings.Count == 0)
        {
            md.Paragraph("None.");
            return;
        }

        md.Table(Headers, "lllll", findings.Select(f => (IReadOnlyList<string>)
        [
            MarkdownWriter.Code(f.RunId),
            MarkdownWriter.Escape(f.Metric),
            MarkdownWriter.Escape(f.Baseline),
            MarkdownWriter.Escape(f.Current),
            MarkdownWriter.Escape(f.Change),
        ]));
    }

    private static string Ids(IReadOnlyList<string> ids) =>
        ids.Count is 0 or > MaxListedIds ? string.Empty : " (" + string.Join(", ", ids.Select(MarkdownWriter.Code)) + ")";
}
