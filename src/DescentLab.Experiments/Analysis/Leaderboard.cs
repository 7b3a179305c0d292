using DescentLab.Core.Training;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>One problem's variant settings ranked best first.</summary>
/// <param name="Problem">The problem (seeds aggregated).</param>
/// <param name="Entries">Ranked entries.</param>
/// <param name="Judged">The measures that judge the problem (and rank its settings after epochs to target).</param>
public sealed record Leaderboard(ProblemKey Problem, IReadOnlyList<LeaderboardEntry> Entries, ProblemJudgment Judged)
{
    /// <summary>A leaderboard per problem, problems in plan order.</summary>
    /// <remarks>Ranked by epochs to target (settings that reached it first, fewest epochs first), then by median final gap,
    /// or, on a problem with an infimum reference (whose gap decides nothing), by median accuracy (highest first) and
    /// median final loss; remaining ties keep plan order, so the ranking is deterministic.</remarks>
    public static IReadOnlyList<Leaderboard> Build(RunSet set) =>
        ProblemRuns.Group(set.Rows).Select(Build).ToList();

    /// <summary>The leaderboard of one problem's runs.</summary>
    public static Leaderboard Build(ProblemRuns problem)
    {
        var judgment = ProblemJudgment.Of(problem.Settings.SelectMany(s => s.Rows));
        var entries = problem.Settings.Select(Aggregate).OrderBy(e => e.EpochsToTarget is null).ThenBy(e => e.EpochsToTarget ?? 0);
        var ranked = (judgment.ByLoss
                ? entries.ThenByDescending(e => e.Accuracy ?? double.NegativeInfinity).ThenBy(e => e.FinalLoss)
                : entries.ThenBy(e => e.FinalGap))
            .Select((e, i) => e with { Rank = i + 1 })
            .ToList();
        return new Leaderboard(problem.Problem, ranked, judgment);
    }

    private static LeaderboardEntry Aggregate(SettingRuns runs)
    {
        var rows = runs.Rows;
        bool classification = rows.Any(r => r.Accuracy is not null);
        return new LeaderboardEntry(
            0,
            runs.Setting,
            rows.Count,
            Median.LowerOrNull(rows.Select(r => (long?)r.EpochsToTarget)),
            Median.LowerOrNull(rows.Select(r => r.GradEvalsToTarget)),
            Median.Of(rows.Select(r => r.FinalGap)),
            rows.Count(r => r.Status == RunStatus.Converged),
            rows.Count(r => r.Status == RunStatus.NotConverged),
            rows.Count(r => r.Status == RunStatus.Diverged),
            rows.Count(r => r.Status == RunStatus.Failed),
            Median.Of(rows.Select(r => r.FinalLoss)),
            // Negated so that Median's "NaN counts as +∞" makes a run without an accuracy count as the worst.
            classification ? -Median.Of(rows.Select(r => -(r.Accuracy ?? double.NaN))) : null);
    }
}
