using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Analysis.Tuning;
using DescentLab.Experiments.Text;
using DescentLab.Output.Plots;
using static DescentLab.Output.Report.ReportFormat;

namespace DescentLab.Output.Report;

/// <summary>"Tuned comparison": which variant wins at an equal tuning budget. The answer first (per problem the winner on
/// the held-out evaluation seeds, its status and margin, in the headline's words), then per problem the
/// expected-best-vs-budget figure (<see cref="BudgetPlot"/>) with the expected best at the full budget, and the tunability
/// table (share of the search space that converges, the best trial and the ranges it presses against).</summary>
public static class TunedComparisonSection
{
    /// <summary>The section's name in <c>report.sections</c>.</summary>
    public const string Name = "tuned";

    private static readonly string[] WinnerHeaders = ["problem", "budget", "winner on held-out seeds", "status", "runner-up"];

    private static readonly string[] TunabilityHeaders =
        ["variant", "converged trials", "converged runs", "best trial", "best trial's setting", "position in range", "widen range"];

    /// <summary>The section as Markdown ('\n' line ends); report.html renders it with the rest of report.md.</summary>
    /// <param name="trials">Every tuning trial.</param>
    /// <param name="evaluation">The leaderboards of the held-out evaluation runs, one per problem.</param>
    /// <param name="plots">The rendered images; the section shows those of <see cref="BudgetPlot.Kind"/>.</param>
    public static string ToMarkdown(IReadOnlyList<TrialResult> trials, IReadOnlyList<Leaderboard> evaluation, IReadOnlyList<PlotFile> plots)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(new MarkdownWriter(writer), TunedComparison.From(trials, evaluation), plots);
        return writer.ToString();
    }

    /// <summary>Writes the section for <paramref name="problems"/>.</summary>
    internal static void Write(MarkdownWriter md, IReadOnlyList<TunedProblem> problems, IReadOnlyList<PlotFile> plots)
    {
        md.Heading(2, "Tuned comparison");
        if (problems.Count == 0)
        {
            md.Paragraph("No tuning trials and no held-out runs.");
            return;
        }

        md.Paragraph(Intro(problems));
        md.Table(WinnerHeaders, "lllll", problems.Select(p => (IReadOnlyList<string>)
        [
            MarkdownWriter.Escape(p.Problem.Label),
            Budget(p),
            p.Winner is { } w ? MarkdownWriter.Code(w.Winner.Setting.Label) : None,
            p.Winner is { } s ? HeadlineSection.Status(s.Winner) : "no held-out runs",
            p.Winner?.RunnerUp is { } up ? MarkdownWriter.Code(up.Setting.Label) : None,
        ]));
        var winners = problems.Where(p => p.Winner is not null).ToList();
        if (winners.Count > 0)
        {
            md.Paragraph("**Margin over the runner-up on the held-out seeds:**");
            md.Bullets(winners.Select(p => MarkdownWriter.Escape(p.Problem.Label) + ": " + HeadlineSection.Margin(p.Winner!)));
            md.Paragraph("Winner = first row of the leaderboard of the held-out runs ("
                + string.Join("; ", winners.Select(p => JudgedMeasure.Ranking(p.Judged)).Distinct())
                + "). The margin gives seeds converged and the difference in the deciding measure with its 95 % bootstrap interval over "
                + "seeds; an interval that includes no difference is a tie within noise.");
        }

        foreach (var problem in problems.Where(p => p.Curves.Count > 0))
        {
            md.Heading(3, problem.Problem.Label);
            foreach (var plot in plots.Where(f => f.Kind == BudgetPlot.Kind && f.Problem == problem.Problem))
            {
                if (plot.Error is null)
                {
                    md.Image(plot.AltText, plot.RelativePath);
                }
                else
                {
                    md.Paragraph("*Not rendered:* " + MarkdownWriter.Escape(plot.Error));
                }
            }

            md.Paragraph(AtBudget(problem));
            WriteTunability(md, problem);
        }
    }

    /// <summary>What ran: trials on the tuning seeds, the best of each re-run on the held-out seeds.</summary>
    private static string Intro(IReadOnlyList<TunedProblem> problems)
    {
        string tune = Seeds(problems.SelectMany(p => p.TuneSeeds), "tuning seed");
        string eval = Seeds(problems.SelectMany(p => p.EvalSeeds), "held-out evaluation seed");
        return "Each variant ran its budget of trials (settings drawn from its search space) on the " + tune
            + "; its best trial by the leader rule was re-run on the " + eval
            + ", and only those runs rank here, so no variant is judged on the seeds it was tuned on.";
    }

    private static string Seeds(IEnumerable<ulong> seeds, string noun)
    {
        var distinct = seeds.Distinct().Order().ToList();
        return distinct.Count switch
        {
            0 => noun + "s",
            1 => noun + " " + Count((long)distinct[0]),
            _ => Inv($"{distinct.Count} {noun}s (") + string.Join(", ", distinct.Select(s => Count((long)s))) + ")",
        };
    }

    private static string Budget(TunedProblem problem) =>
        problem.CommonBudget is int budget ? Inv($"{budget} trials each")
        : problem.Tunability.Count == 0 ? None
        : string.Join(", ", problem.Tunability.Select(t => Inv($"{t.Variant} {t.Trials}")));

    /// <summary>The expected best of each variant at its full budget, best first, and which curves are censored.</summary>
    private static string AtBudget(TunedProblem problem)
    {
        string score = TrialScore.Name(problem.Judged);
        var drawn = problem.Curves.Where(c => c.Mean.Count > 0).ToList();
        if (drawn.Count == 0)
        {
            return "No trial ended with a finite " + score + ", so no expected best can be computed.";
        }

        bool higher = TrialScore.HigherIsBetter(problem.Judged);
        var ranked = higher ? drawn.OrderByDescending(c => c.Mean[^1]) : drawn.OrderBy(c => c.Mean[^1]);
        string text = "Expected best " + score + " of k trials drawn at random (with replacement) from a variant's trials "
            + "(Dodge et al. 2019), at the full budget, best first: "
            + string.Join(", ", ranked.Select(c => MarkdownWriter.Code(c.Variant) + " " + HumanNumber.Format(c.Mean[^1])
                + " (sd " + HumanNumber.Format(Math.Sqrt(c.Variance[^1])) + Inv($", k = {c.Trials})")))
            + ".";
        var censored = problem.Curves.Where(c => c.NotFinite > 0).ToList();
        if (censored.Count > 0)
        {
            double worst = higher ? drawn.SelectMany(c => c.Scores).Min() : drawn.SelectMany(c => c.Scores).Max();
            text += " Trials that diverged or failed count as the problem's worst finished trial (" + HumanNumber.Format(worst) + "): "
                + string.Join(", ", censored.Select(c => MarkdownWriter.Code(c.Variant) + Inv($" {c.NotFinite} of {c.Trials}")))
                + "; those curves are a bound on the good side.";
        }

        return text;
    }

    private static void WriteTunability(MarkdownWriter md, TunedProblem problem)
    {
        md.Paragraph("**Tunability:**");
        md.Table(TunabilityHeaders, "lrrrlll", problem.Tunability.Select(t => (IReadOnlyList<string>)
        [
            MarkdownWriter.Code(t.Variant),
            Inv($"{t.ConvergedTrials}/{t.Trials}"),
            Inv($"{t.ConvergedRuns}/{t.Runs}"),
            Count(t.Best.Trial),
            MarkdownWriter.Code(t.Best.Entry.Setting.Label),
            t.Edges.Count == 0 ? None : string.Join(", ", t.Edges.Select(e => MarkdownWriter.Escape(e.Name) + " " + HumanNumber.Format(e.Position))),
            t.Edges.Any(e => e.Widen != RangeSide.None)
                ? string.Join(", ", t.Edges.Where(e => e.Widen != RangeSide.None).Select(e => MarkdownWriter.Escape(e.Name) + (e.Widen == RangeSide.Low ? " below" : " above")))
                : None,
        ]));
        md.Paragraph("Converged trials: trials whose setting converged on at least half of its tuning seeds; converged runs: over every "
            + "trial and seed. Best trial: its index (from 0) among the variant's trials. Position in range: where the best trial's value sits, 0 at the low end and 1 at the high end (on the log "
            + "scale for a log-uniform range, by index for a choice). Widen range: the best trial holds the lowest (highest) value any "
            + "trial sampled and sits within " + HumanNumber.Format(RangeEdge.EdgeShare) + " of that end, so a better value may lie "
            + "outside the range.");
    }
}
