using System.Globalization;
using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Analysis.Tuning;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Output.Plots;
using static DescentLab.Output.Report.ReportFormat;

namespace DescentLab.Output.Report;

/// <summary>report.md: the answer first (winner per problem, counts, regressions), then summary, a leaderboard and plots
/// per problem, plots across problems, notes, the resolved config, the environment and the command that reproduces the run.</summary>
/// <remarks>Deterministic: the same run set and plot list give the same bytes on any machine and culture; the only
/// times in it are the manifest's own. Renders on GitHub: pipe tables, relative image links.</remarks>
public static class MarkdownReport
{
    /// <summary>Most settings a leaderboard lists (a big sweep keeps its leaders readable; summary.csv has all).</summary>
    public const int MaxLeaderboardRows = 25;

    private static readonly string LostWords = RunStatus.LostTarget.ToWords();

    /// <summary>Writes the report of <paramref name="set"/>, linking the images in <paramref name="plots"/>.</summary>
    public static void Write(RunSet set, IReadOnlyList<PlotFile> plots, TextWriter writer) => Write(set, ReportAnalysis.Of(set), plots, writer);

    /// <summary>As <see cref="Write(RunSet, IReadOnlyList{PlotFile}, TextWriter)"/>, with the set's
    /// <paramref name="analysis"/> already worked out.</summary>
    internal static void Write(RunSet set, ReportAnalysis analysis, IReadOnlyList<PlotFile> plots, TextWriter writer)
    {
        var md = new MarkdownWriter(writer);
        var manifest = set.Manifest;
        var report = ReportSections.ConfigOf(set);
        md.Heading(1, report.Title ?? "DescentLab report: " + manifest.Name);
        md.Paragraph(Headline(set));
        var boards = analysis.Boards;
        var notes = new SectionNotes(set, report);
        if (report.Description is not null)
        {
            md.Paragraph(report.Description);
        }

        if (ReportSections.Shows(set, ReportSections.Headline))
        {
            HeadlineSection.Write(md, set, boards, analysis.Summary, analysis.Trend);
            WriteNote(md, notes.AtSection(ReportSections.Headline, perProblem: false));
        }

        // A tuned set's trials are shown here only; its leaderboards and the rest rank the held-out evaluation runs.
        var trials = TrialResults.From(set.Rows, manifest.ResolvedConfig.Variants);
        if (trials.Count > 0 && ReportSections.Shows(set, TunedComparisonSection.Name))
        {
            TunedComparisonSection.Write(md, TunedComparison.From(trials, boards), plots);
            WriteNote(md, notes.AtSection(TunedComparisonSection.Name, perProblem: false));
        }

        IReadOnlyList<PlotFile> problemPlots = [.. plots.Where(p => p.Kind != BudgetPlot.Kind)];

        if (ReportSections.Shows(set, ReportSections.Regression))
        {
            RegressionSection.Write(md, set);
            WriteNote(md, notes.AtSection(ReportSections.Regression, perProblem: false));
        }

        if (ReportSections.Shows(set, ReportSections.Summary))
        {
            WriteSummary(md, analysis.Summary, notes);
        }

        WriteLeaderboards(md, set, boards, problemPlots, report, notes);
        WriteAcrossProblems(md, boards, analysis.Problems, problemPlots, report, notes);

        ExercisesSection.Write(md, set);

        // Failures are never hidden: a report that leaves notes out still lists failed plots and runs. Notes whose
        // place the report did not draw (a plot that made no image) are shown there too, so no claim goes unseen.
        string? notesIntro = notes.AtSection(ReportSections.Notes, perProblem: false);
        string? environmentIntro = notes.AtSection(ReportSections.Environment, perProblem: false);
        string? leftOver = notes.Take(notes.Unshown);
        string? intro = notesIntro is null ? leftOver : leftOver is null ? notesIntro : notesIntro + "\n\n" + leftOver;
        NotesSection.Write(md, set, plots, !report.Includes(ReportSections.Notes) && leftOver is null, intro);
        if (report.Includes(ReportSections.Environment))
        {
            EnvironmentSection.Write(md, manifest, analysis.ResolvedConfig, environmentIntro);
        }
    }

    /// <summary>The report as a string with '\n' line ends.</summary>
    public static string ToMarkdown(RunSet set, IReadOnlyList<PlotFile> plots) => ToMarkdown(set, ReportAnalysis.Of(set), plots);

    /// <summary>As <see cref="ToMarkdown(RunSet, IReadOnlyList{PlotFile})"/>, with the set's <paramref name="analysis"/>
    /// already worked out.</summary>
    internal static string ToMarkdown(RunSet set, ReportAnalysis analysis, IReadOnlyList<PlotFile> plots)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(set, analysis, plots, writer);
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

    private static void WriteSummary(MarkdownWriter md, RunSetSummary s, SectionNotes notes)
    {
        md.Heading(2, "Summary");
        WriteNote(md, notes.AtSection(ReportSections.Summary, perProblem: false));
        md.Table(
            ["runs", "converged", LostWords, "not converged", "diverged", "failed", "problems", "variant settings", "wall time"],
            "rrrrrrrrr",
            [[Count(s.Runs), Count(s.Converged), Count(s.LostTarget), Count(s.NotConverged), Count(s.Diverged), Count(s.Failed), Count(s.Problems), Count(s.Settings), Duration(s.WallTime)]]);
        md.Paragraph(
            "A run converges when its final state meets its problem's targets, stated under each leaderboard; one that met them "
            + "on the way and ended outside them is counted as " + LostWords + ", never as converged. The targets: its gap (loss minus the reference "
            + "L\\*) within target\\_gap for an exact or best-known L\\*, and target\\_loss or target\\_accuracy for an infimum, "
            + "which no run can reach. Leaderboards rank variant "
            + "settings by epochs to target among converged runs, then by median final gap (gaps within rounding tie), or on a problem with an infimum (whose gap measures nothing "
            + "reachable) by median accuracy and median final loss, the columns such a leaderboard shows instead. Epochs and gradient evaluations to target are the lower median "
            + "over seeds (the value by which at least half of the seeds got there; " + None + " when fewer than half did); the final "
            + "gap is the median over seeds.");
    }

    private static void WriteLeaderboards(MarkdownWriter md, RunSet set, IReadOnlyList<Leaderboard> boards, IReadOnlyList<PlotFile> plots, ReportConfig report, SectionNotes notes)
    {
        bool tables = report.Includes(ReportSections.Leaderboards);
        md.Heading(2, tables ? "Leaderboards" : "Figures");
        if (tables)
        {
            WriteNote(md, notes.AtSection(ReportSections.Leaderboards, perProblem: true));
        }

        if (boards.Count == 0)
        {
            md.Paragraph("No runs.");
            return;
        }

        foreach (var board in boards)
        {
            md.Heading(3, board.Problem.Label);
            if (!tables)
            {
                WritePlots(md, plots.Where(p => p.Problem == board.Problem), notes, 4);
                continue;
            }

            md.Paragraph(ReferenceLine(set, board.Problem));
            var measures = JudgedMeasure.Headers(board.Judged);
            // The lost column appears where some run reached its target and ended outside it, so no table grows for nothing.
            bool lost = board.Entries.Any(e => e.LostTarget > 0);
            md.Table(
                ["rank", "variant setting", "epochs to target", "grad evals to target", .. measures, "converged", .. (lost ? [LostWords] : Array.Empty<string>()), "not converged", "diverged", "failed"],
                "rl" + new string('r', measures.Count + (lost ? 7 : 6)),
                board.Entries.Take(MaxLeaderboardRows).Select(e => (IReadOnlyList<string>)
            [
                Count(e.Rank),
                MarkdownWriter.Code(e.Setting.Label),
                Count(e.EpochsToTarget),
                Count(e.GradEvalsToTarget),
                .. JudgedMeasure.Cells(board.Judged, e),
                Count(e.Converged),
                .. (lost ? [Count(e.LostTarget)] : Array.Empty<string>()),
                Count(e.NotConverged),
                Count(e.Diverged),
                Count(e.Failed),
            ]));
            if (board.Entries.Take(MaxLeaderboardRows).Select(e => e.Setting).Where(s => s.Defaults.Length > 0)
                .Select(s => MarkdownWriter.Code(s.Variant) + " " + MarkdownWriter.Escape(s.Defaults)).Distinct().ToList() is { Count: > 0 } defaults)
            {
                md.Paragraph("At their defaults, so left out of the setting names: " + string.Join("; ", defaults) + ".");
            }

            if (board.Entries.Count > MaxLeaderboardRows)
            {
                md.Paragraph(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The {MaxLeaderboardRows} leaders of {board.Entries.Count} settings; every run is in {MarkdownWriter.Code("summary.csv")}."));
            }

            WriteNote(md, notes.AtProblem(ReportSections.Leaderboards, board.Problem));
            WritePlots(md, plots.Where(p => p.Problem == board.Problem), notes, 4);
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
        string targets = string.Join("; ", infos.Select(p => p.Targets is null ? "not recorded" : Targets(p.Targets)).Distinct());
        return "Reference L\\*: " + MarkdownWriter.Escape(kinds) + ". Converged means: " + MarkdownWriter.Escape(targets) + " (see Notes).";
    }

    private static void WriteAcrossProblems(MarkdownWriter md, IReadOnlyList<Leaderboard> boards, IReadOnlyList<ProblemRuns> problems, IReadOnlyList<PlotFile> plots, ReportConfig report, SectionNotes notes)
    {
        var shared = plots.Where(p => p.Problem is null).ToList();
        bool tables = report.Includes(ReportSections.Analysis);
        if (boards.Count == 0 || (!tables && shared.Count == 0))
        {
            return;
        }

        md.Heading(2, problems.Count > 1 ? "Across problems" : "Analysis");
        if (tables)
        {
            WriteNote(md, notes.AtSection(ReportSections.Analysis, perProblem: false));
            AnalysisSection.Write(md, boards, problems);
        }

        WritePlots(md, shared, notes, 3);
    }

    private static void WritePlots(MarkdownWriter md, IEnumerable<PlotFile> plots, SectionNotes notes, int level)
    {
        foreach (var plot in plots)
        {
            WritePlot(md, plot, notes, level);
        }
    }

    /// <summary>The config's notes for a place, if it has any (Markdown).</summary>
    private static void WriteNote(MarkdownWriter md, string? notes)
    {
        if (notes is not null)
        {
            md.Paragraph(notes);
        }
    }

    private static void WritePlot(MarkdownWriter md, PlotFile plot, SectionNotes notes, int level)
    {
        md.Heading(level, plot.Title);
        WriteNote(md, plot.Problem is { } problem ? notes.AtProblem(plot.Kind, problem) : notes.AtSection(plot.Kind, perProblem: false));
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
