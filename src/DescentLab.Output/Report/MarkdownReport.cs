using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Output.Plots;
using static DescentLab.Output.Report.ReportFormat;

namespace DescentLab.Output.Report;

/// <summary>report.md: headline counts, a leaderboard and plots per problem, plots across problems, the regression
/// check, notes, the resolved config, the environment and the command that reproduces the run (SPEC §8).</summary>
/// <remarks>Deterministic: the same run set and plot list give the same bytes on any machine and culture; the only
/// times in it are the manifest's own. Renders on GitHub: pipe tables, relative image links.</remarks>
public static class MarkdownReport
{
    private static readonly string[] LeaderboardHeaders =
        ["rank", "variant setting", "epochs to target", "grad evals to target", "final gap", "converged", "not converged", "diverged", "failed"];

    /// <summary>Writes the report of <paramref name="set"/>, linking the images in <paramref name="plots"/>.</summary>
    public static void Write(RunSet set, IReadOnlyList<PlotFile> plots, TextWriter writer)
    {
        var md = new MarkdownWriter(writer);
        var manifest = set.Manifest;
        md.Heading(1, "DescentLab report: " + manifest.Name);
        md.Paragraph(Headline(set));
        WriteSummary(md, set);
        WriteLeaderboards(md, set, plots);
        WriteSharedPlots(md, plots);
        RegressionSection.Write(md, set);
        NotesSection.Write(md, set, plots);
        EnvironmentSection.Write(md, manifest);
    }

    /// <summary>The report as a string with '\n' line ends.</summary>
    public static string ToMarkdown(RunSet set, IReadOnlyList<PlotFile> plots)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(set, plots, writer);
        return writer.ToString();
    }

    private static string Headline(RunSet set)
    {
        var m = set.Manifest;
        string seeds = m.Seeds.Count == 1 ? "1 seed" : Inv($"{m.Seeds.Count} seeds");
        string text = Inv($"Run set {MarkdownWriter.Code(m.Name)} started {Time(m.StartedUtc)} and finished {Time(m.FinishedUtc)} ")
            + Inv($"({Duration(m.FinishedUtc - m.StartedUtc)}); {seeds}, parallel {m.Parallel}");
        text += m.Shard is null ? "." : Inv($", shard {MarkdownWriter.Code(m.Shard)} of the run matrix.");
        if (!m.Complete)
        {
            text += " **Incomplete:** the run set was cancelled before every planned run finished.";
        }

        return text;
    }

    private static void WriteSummary(MarkdownWriter md, RunSet set)
    {
        var s = RunSetSummary.From(set);
        md.Heading(2, "Summary");
        md.Table(
            ["runs", "converged", "not converged", "diverged", "failed", "problems", "variant settings", "wall time"],
            "rrrrrrrr",
            [[Count(s.Runs), Count(s.Converged), Count(s.NotConverged), Count(s.Diverged), Count(s.Failed), Count(s.Problems), Count(s.Settings), Duration(s.WallTime)]]);
        md.Paragraph(
            "A run converges once its gap (loss minus the reference optimum L\\*) reaches target\\_gap. Leaderboards rank variant "
            + "settings by epochs to target, then by median final gap. Epochs and gradient evaluations to target are the lower median "
            + "over seeds (the value by which at least half of the seeds got there; " + None + " when fewer than half did); the final "
            + "gap is the median over seeds.");
    }

    private static void WriteLeaderboards(MarkdownWriter md, RunSet set, IReadOnlyList<PlotFile> plots)
    {
        md.Heading(2, "Leaderboards");
        var boards = Leaderboard.Build(set);
        if (boards.Count == 0)
        {
            md.Paragraph("No runs.");
            return;
        }

        foreach (var board in boards)
        {
            md.Heading(3, board.Problem.Label);
            md.Paragraph(ReferenceLine(set, board.Problem));
            md.Table(LeaderboardHeaders, "rlrrrrrrr", board.Entries.Select(e => (IReadOnlyList<string>)
            [
                Count(e.Rank),
                MarkdownWriter.Code(e.Setting.Label),
                Count(e.EpochsToTarget),
                Count(e.GradEvalsToTarget),
                Gap(e.FinalGap),
                Count(e.Converged),
                Count(e.NotConverged),
                Count(e.Diverged),
                Count(e.Failed),
            ]));
            foreach (var plot in plots.Where(p => p.Problem == board.Problem))
            {
                WritePlot(md, plot, 4);
            }
        }
    }

    /// <summary>The reference kind(s) of a problem across its dataset instances and the targets that decide "converged".</summary>
    private static string ReferenceLine(RunSet set, ProblemKey problem)
    {
        var instances = set.Rows.Where(r => ProblemKey.From(r) == problem).Select(r => (r.DatasetKey, r.Model, r.Loss)).ToHashSet();
        var infos = set.Manifest.Problems.Where(p => instances.Contains((p.DatasetKey, p.Model, p.Loss))).ToList();
        var groups = infos.GroupBy(p => p.Kind).OrderBy(g => g.Key).ToList();
        string kinds = string.Join(", ", groups.Select(g =>
            (g.Key?.ToKey() ?? "unknown") + (groups.Count > 1 ? Inv($" on {g.Count()} of {infos.Count} instances") : string.Empty)));
        string targets = string.Join("; ", infos.Select(p => p.Targets ?? "not recorded").Distinct());
        return "Reference L\\*: " + MarkdownWriter.Escape(kinds) + ". Converged means: " + MarkdownWriter.Escape(targets) + " (see Notes).";
    }

    private static void WriteSharedPlots(MarkdownWriter md, IReadOnlyList<PlotFile> plots)
    {
        var shared = plots.Where(p => p.Problem is null).ToList();
        if (shared.Count == 0)
        {
            return;
        }

        md.Heading(2, "Across problems");
        foreach (var plot in shared)
        {
            WritePlot(md, plot, 3);
        }
    }

    private static void WritePlot(MarkdownWriter md, PlotFile plot, int level)
    {
        md.Heading(level, plot.Title);
        if (plot.Error is null)
        {
            md.Image(plot.AltText, plot.RelativePath);
        }
        else
        {
            md.Paragraph("*Not rendered:* " + MarkdownWriter.Escape(plot.Error));
        }
    }
}
