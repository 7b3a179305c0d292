using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Text;
using DescentLab.Output.Plots;
using static DescentLab.Output.Report.ReportFormat;

namespace DescentLab.Output.Report;

/// <summary>The first screen of the report: the counts, what this run set is compared against, and per problem the
/// winning setting with its status and runner-up in a narrow table (whole on the first screen), then each margin over the
/// runner-up as a bullet, where a sentence of any length fits.</summary>
internal static class HeadlineSection
{
    private static readonly string[] Headers = ["problem", "winner", "status", "runner-up"];

    private static readonly string LostWords = RunStatus.LostTarget.ToWords();

    /// <summary>Writes the section for <paramref name="set"/> with its already built <paramref name="boards"/>,
    /// <paramref name="summary"/> and <paramref name="trend"/>.</summary>
    public static void Write(MarkdownWriter md, RunSet set, IReadOnlyList<Leaderboard> boards, RunSetSummary summary, TrendAnalysis trend)
    {
        md.Heading(2, "At a glance");
        md.Bullets([Counts(set, summary), Identity(set.Manifest, set.Regression)]);
        TrendSteps(md, trend);
        var winners = ProblemWinner.From(boards);
        if (winners.Count == 0)
        {
            return;
        }

        md.Table(Headers, "llll", winners.Select(w => (IReadOnlyList<string>)
        [
            MarkdownWriter.Escape(w.Problem.Label),
            MarkdownWriter.Code(w.Winner.Setting.Label),
            Status(w.Winner),
            w.RunnerUp is { } up ? MarkdownWriter.Code(up.Setting.Label) : ReportFormat.None,
        ]));
        md.Paragraph("**Margin over the runner-up:**");
        md.Bullets([.. winners.Select(w => MarkdownWriter.Escape(w.Problem.Label) + ": " + Margin(w))]);
        md.Paragraph((winners.Any(w => w.Judgment.ByLoss)
            ? "Winner = first row of the problem's leaderboard (fewest epochs to target among converged runs, then smallest median final gap, "
                + "gaps within rounding tied; on a problem with an infimum reference, whose gap decides nothing, highest median accuracy, "
                + "then smallest median final loss)."
            : "Winner = first row of the problem's leaderboard (fewest epochs to target among converged runs, then smallest median "
                + "final gap, gaps within rounding tied).")
            + " The margin gives seeds converged and the difference in the deciding measure with its 95 % bootstrap interval over "
            + "seeds; an interval that includes no difference is a tie within noise.");
    }

    /// <summary>The most recent step of each problem × setting the trend shows, or that there was none.</summary>
    private static void TrendSteps(MarkdownWriter md, TrendAnalysis analysis)
    {
        if (analysis.RunSets.Count < 2)
        {
            return;
        }

        var steps = analysis.Problems
            .SelectMany(p => p.Series.Where(s => s.Steps.Count > 0).Select(s => StepLine(analysis, p, s)))
            .ToList();
        if (steps.Count == 0)
        {
            md.Paragraph(Inv($"**Trend:** no setting stepped (by a factor of 2 or more) over the last {analysis.RunSets.Count} run sets."));
            return;
        }

        md.Paragraph(Inv($"**Trend steps** over the last {analysis.RunSets.Count} run sets (most recent step per problem × setting):"));
        md.Bullets(steps);
    }

    private static string StepLine(TrendAnalysis analysis, TrendProblem problem, TrendSeries series)
    {
        var step = series.Steps[^1];
        string commit = analysis.RunSets[series.Points[step.Index].RunSet].Label;
        string change = problem.Metric switch
        {
            TrendMetric.EpochsToTarget => "epochs to target " + HumanNumber.Format(step.Before) + " → " + HumanNumber.Format(step.After),
            TrendMetric.Accuracy => "accuracy " + HumanNumber.Format(step.Before) + " → " + HumanNumber.Format(step.After),
            _ => "final gap " + HumanNumber.Format(step.Before) + " → " + HumanNumber.Format(step.After),
        };
        bool worse = problem.Metric == TrendMetric.Accuracy ? step.After < step.Before : step.After > step.Before;
        string where = problem.Problem.Length > 0 ? " on " + MarkdownWriter.Escape(problem.Problem) : string.Empty;
        return MarkdownWriter.Code(series.Setting) + where + ": " + change + " at commit "
            + MarkdownWriter.Code(commit) + (worse ? " (worse)" : " (better)");
    }

    private static string Counts(RunSet set, RunSetSummary s)
    {
        string text = Inv($"**{s.Runs} runs:** {s.Converged} converged, {s.LostTarget} {LostWords}, {s.NotConverged} not converged, {s.Diverged} diverged, **{s.Failed} failed**");
        return set.Regression switch
        {
            null => text + "; no baseline, so no regressions were checked.",
            { NotCompared: { } reason } => text + "; nothing compared with the baseline (" + MarkdownWriter.Escape(reason.TrimEnd('.')) + ").",
            var r => text + "; **" + Plural(r.SettingRegressions.Count(), "regression") + "**, " + Plural(r.SettingImprovements.Count(), "improvement")
                + " against the baseline (setting × metric)." + (r.ConfigDiffers ? " **The config differs from the baseline's.**" : string.Empty),
        };
    }

    private static string Plural(int count, string noun) => Inv($"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private static string Identity(RunManifest m, RegressionReport? regression)
    {
        string commit = m.GitCommit is { Length: > 0 } c ? MarkdownWriter.Code(c[..Math.Min(12, c.Length)]) : "no git commit";
        string text = "Config " + MarkdownWriter.Code(m.ConfigPath) + " (hash " + MarkdownWriter.Code(m.ConfigHash[..Math.Min(12, m.ConfigHash.Length)])
            + "), commit " + commit;
        return regression is null ? text + "." : text + "; baseline " + MarkdownWriter.Code(regression.BaselineSource) + ".";
    }

    /// <summary>A setting's seeds converged and how the others ended, e.g. <c>converged 3/5, diverged 2</c> (also the
    /// tuned comparison's and the published site's status).</summary>
    internal static string Status(LeaderboardEntry e)
    {
        int n = e.Runs;
        if (e.Converged == n)
        {
            return Inv($"converged {n}/{n}");
        }

        var parts = new List<string> { Inv($"converged {e.Converged}/{n}") };
        if (e.LostTarget > 0)
        {
            parts.Add(Inv($"{LostWords} {e.LostTarget}"));
        }

        if (e.Diverged > 0)
        {
            parts.Add(Inv($"diverged {e.Diverged}"));
        }

        if (e.Failed > 0)
        {
            parts.Add(Inv($"failed {e.Failed}"));
        }

        return string.Join(", ", parts);
    }

    /// <summary>The winner's margin over the runner-up: seeds converged, then the difference in the deciding measure with its
    /// interval, or a tie (within noise, or on every key).</summary>
    internal static string Margin(ProblemWinner w)
    {
        if (w.RunnerUp is not { } up)
        {
            return "the only setting";
        }

        string seeds = Inv($"converged {w.Winner.Converged}/{w.Winner.Runs} vs {up.Converged}/{up.Runs}");
        if (w.Margin == WinMargin.Tie)
        {
            return seeds + "; tie on every judging key";
        }

        if (w.Difference is not { } d)
        {
            return seeds + "; no seed in common to compare";
        }

        string measure = d.Measure + " " + Value(d.Winner) + " vs " + Value(d.RunnerUp);
        // A runner-up that never got there on any resample leaves no interval to state, only where it ends.
        string detail = double.IsInfinity(d.Estimate) && d.Low == d.Estimate && d.High == d.Estimate
            ? "; runner-up ends at " + JudgedMeasure.FinalState(w.Judgment, up)
            : " (difference " + Value(d.Estimate) + ", 95 % interval " + Value(d.Low) + " to " + Value(d.High) + ")";
        return seeds + "; " + (d.WithinNoise ? "tie within noise: " : string.Empty) + measure + detail;
    }

    // +∞ is "never" (epochs of a setting that did not converge); every other number takes the one human number form.
    private static string Value(double value) => value switch
    {
        double.PositiveInfinity => "never",
        double.NegativeInfinity => "-∞",
        _ => HumanNumber.Format(value),
    };
}
