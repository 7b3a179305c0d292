using DescentLab.Experiments.Analysis;
using static DescentLab.Output.Report.ReportFormat;

namespace DescentLab.Output.Report;

/// <summary>The benchmarking tables across problems: the tuned leaderboard and ERT with bootstrap intervals.</summary>
internal static class AnalysisSection
{
    /// <summary>Writes both tables for <paramref name="boards"/> (one per problem).</summary>
    public static void Write(MarkdownWriter md, IReadOnlyList<Leaderboard> boards, IReadOnlyList<ProblemRuns> problems)
    {
        if (boards.Count == 0)
        {
            return;
        }

        WriteTuned(md, TunedLeaderboard.From(boards));
        WriteErt(md, boards, problems);
    }

    private static void WriteTuned(MarkdownWriter md, TunedLeaderboard tuned)
    {
        md.Heading(3, "Tuned leaderboard");
        md.Paragraph("Each variant at its best swept setting on each problem: rank among variants, the setting that earned it, and "
            + "the measure that ranked it: its epochs to target, or, when fewer than half of its seeds reached the target, where it ended "
            + "(the final gap, or accuracy and final loss on a problem with an infimum reference).");
        var headers = new List<string> { "variant" };
        headers.AddRange(tuned.Problems.Select(p => MarkdownWriter.Escape(p.Label)));
        md.Table(headers, "l" + new string('l', tuned.Problems.Count), tuned.Variants.Select(v => (IReadOnlyList<string>)
        [
            MarkdownWriter.Code(v),
            .. tuned.Problems.Select(p => tuned.Best[p].TryGetValue(v, out var best)
                ? Inv($"{best.Rank}: ") + MarkdownWriter.Code(best.Entry.Setting.Label) + " (" + Measure(tuned.Judgments[p], best.Entry) + ")"
                : None),
        ]));
    }

    private static string Measure(ProblemJudgment judged, LeaderboardEntry entry) =>
        entry.EpochsToTarget is long epochs ? Inv($"{epochs} epoch{(epochs == 1 ? string.Empty : "s")}") : JudgedMeasure.FinalState(judged, entry);

    private static void WriteErt(MarkdownWriter md, IReadOnlyList<Leaderboard> boards, IReadOnlyList<ProblemRuns> problems)
    {
        md.Heading(3, "Expected running time (ERT)");
        md.Paragraph(Inv($"ERT to each problem's target (target\\_gap, or target\\_loss / target\\_accuracy where L\\* is an infimum) in per-sample gradient evaluations: evaluations spent by all seeds (up to the target when reached) over the seeds that reached it; ∞ when none did. In brackets a 95 % percentile bootstrap interval over seeds ({ExpectedRunningTime.Resamples} resamples, fixed seed)."));
        var settings = new List<VariantSetting>();
        var seen = new HashSet<VariantSetting>();
        foreach (var setting in problems.SelectMany(p => p.Settings).Select(s => s.Setting))
        {
            if (seen.Add(setting))
            {
                settings.Add(setting);
            }
        }

        if (settings.Count > MarkdownReport.MaxLeaderboardRows)
        {
            // A big sweep: the settings that lead some problem's leaderboard, so the table stays readable.
            var leaders = boards.SelectMany(b => b.Entries.Take(MarkdownReport.MaxLeaderboardRows)).Select(e => e.Setting).ToHashSet();
            md.Paragraph(Inv($"The {leaders.Count} settings that lead a leaderboard, of {settings.Count}; every run is in ") + MarkdownWriter.Code("summary.csv") + ".");
            settings = [.. settings.Where(leaders.Contains)];
        }

        var headers = new List<string> { "variant setting" };
        headers.AddRange(problems.Select(p => MarkdownWriter.Escape(p.Problem.Label)));
        md.Table(headers, "l" + new string('r', problems.Count), settings.Select(s => (IReadOnlyList<string>)
        [
            MarkdownWriter.Code(s.Label),
            .. problems.Select(p => p.Settings.FirstOrDefault(r => r.Setting == s) is { } runs ? Cell(ExpectedRunningTime.Of(runs.Rows)) : None),
        ]));
    }

    private static string Cell(ExpectedRunningTime ert) =>
        double.IsPositiveInfinity(ert.Ert) ? "∞" : Evals(ert.Ert) + " [" + Evals(ert.Low) + ", " + Evals(ert.High) + "]";

    private static string Evals(double value) => double.IsPositiveInfinity(value) ? "∞" : Count((long)Math.Round(value));
}
