using System.Diagnostics;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Timing;
using DescentLab.Output.Files;
using DescentLab.Output.Plots;

namespace DescentLab.Output.Report;

/// <summary>Renders a run folder's plots, report.md and report.html from a <see cref="RunSet"/> alone, so
/// <c>descentlab report RUNDIR</c> can re-render an old run from its files.</summary>
public static class ReportRenderer
{
    /// <summary>File name of the Markdown report.</summary>
    public const string MarkdownFile = "report.md";

    /// <summary>File name of the HTML report.</summary>
    public const string HtmlFile = "report.html";

    /// <summary>Folder of the images, relative to the run folder.</summary>
    public const string PlotsFolder = "plots";

    /// <summary>The <c>--timings</c> part of working out report.md's numbers (alongside the images).</summary>
    public const string AnalysisStage = "report.md analysis";

    /// <summary>Writes the plots the config's report block chooses, plots/*.png and *.gif (and *.svg when it asks for them;
    /// dropping images of an earlier render that this one no longer makes), report.md and
    /// report.html under <paramref name="runDir"/>, each atomically.</summary>
    /// <param name="set">What to report.</param>
    /// <param name="runDir">The run folder.</param>
    /// <param name="maxParallelism">Images rendered at once.</param>
    /// <returns>The plot files (with any rendering errors) and the paths written, relative to <paramref name="runDir"/>.</returns>
    public static ReportFiles Render(RunSet set, string runDir, int maxParallelism) =>
        Render(set, runDir, DefaultPlots.All, maxParallelism);

    /// <summary>As <see cref="Render(RunSet, string, int)"/> with a chosen list of plots.</summary>
    public static ReportFiles Render(RunSet set, string runDir, IReadOnlyList<IPlot> plots, int maxParallelism)
    {
        long start = Stopwatch.GetTimestamp();
        // report.md's numbers do not depend on the images, so with more than one thread allowed they are worked out on a
        // thread of their own while the images are drawn: the drawing leaves a core idle at its end, and writing
        // report.md afterwards used only one.
        var analysis = maxParallelism > 1
            ? Task.Factory.StartNew(() => Analyse(set), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : null;
        var files = PlotRenderer.Render(set, [.. plots.Where(p => ReportSections.Draws(set, p))], runDir, maxParallelism);
        RemoveStalePlots(runDir, files);
        StageTimings.Record("all plots", start, part: true);
        start = Stopwatch.GetTimestamp();
        string markdown = MarkdownReport.ToMarkdown(set, analysis?.GetAwaiter().GetResult() ?? Analyse(set), files);
        AtomicFile.WriteAllText(Path.Combine(runDir, MarkdownFile), markdown);
        StageTimings.Record(MarkdownFile, start, part: true);
        start = Stopwatch.GetTimestamp();
        var rendered = files.Where(f => f.Error is null).Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        AtomicFile.WriteText(
            Path.Combine(runDir, HtmlFile),
            writer => HtmlReport.Write(markdown, writer, link => rendered.Contains(link) ? File.ReadAllBytes(Path.Combine(runDir, link)) : null));
        StageTimings.Record(HtmlFile, start, part: true);
        var written = files.Where(f => f.Error is null).SelectMany(Paths).Append(MarkdownFile).Append(HtmlFile).ToList();
        return new ReportFiles(files, written);
    }

    private static ReportAnalysis Analyse(RunSet set)
    {
        long start = Stopwatch.GetTimestamp();
        var analysis = ReportAnalysis.Of(set);
        StageTimings.Record(AnalysisStage, start, part: true);
        return analysis;
    }

    /// <summary>The image and its SVG copy, if any.</summary>
    private static IEnumerable<string> Paths(PlotFile file) => file.SvgRelativePath is { } svg ? [file.RelativePath, svg] : [file.RelativePath];

    private static void RemoveStalePlots(string runDir, IReadOnlyList<PlotFile> files)
    {
        string folder = Path.Combine(runDir, PlotsFolder);
        if (!Directory.Exists(folder))
        {
            return;
        }

        var current = files.Where(f => f.Error is null).SelectMany(Paths).Select(p => Path.GetFullPath(Path.Combine(runDir, p))).ToHashSet(StringComparer.Ordinal);
        foreach (string image in new[] { "*.png", "*.gif", "*.svg" }.SelectMany(pattern => Directory.EnumerateFiles(folder, pattern)))
        {
            if (!current.Contains(Path.GetFullPath(image)))
            {
                File.Delete(image);
            }
        }
    }
}
