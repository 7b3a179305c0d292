using DescentLab.Core.Training;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>One problem's variant settings ranked best first by <see cref="LeaderRule"/>.</summary>
/// <param name="Problem">The problem (seeds aggregated).</param>
/// <param name="Entries">Ranked entries.</param>
/// <param name="Judged">The measures that judge the problem (and rank its settings after epochs to target).</param>
public sealed record Leaderboard(ProblemKey Problem, IReadOnlyList<LeaderboardEntry> Entries, ProblemJudgment Judged)
{
    /// <summary>A leaderboard per problem, problems in plan order.</summary>
    public static IReadOnlyList<Leaderboard> Build(RunSet set) => Build(set.Rows);

    /// <summary>A leaderboard per problem of <paramref name="rows"/>, problems in plan order.</summary>
    public static IReadOnlyList<Leaderboard> Build(IReadOnlyList<SummaryRow> rows) =>
        ProblemRuns.Group(rows).Select(Build).ToList();

    /// <summary>The leaderboard of one problem's runs.</summary>
    public static Leaderboard Build(ProblemRuns problem)
    {
        var judgment = ProblemJudgment.Of(problem.Settings.SelectMany(s => s.Rows));
        return new Leaderboard(problem.Problem, LeaderRule.Rank(problem.Settings.Select(Aggregate), judgment), judgment);
    }

    /// <summary>The unranked entry of one setting's runs.</summary>
    public static LeaderboardEntry Aggregate(SettingRuns runs)
    {
        var rows = runs.Rows;
        bool classification = rows.Any(r => r.Accuracy is not null);
        return new LeaderboardEntry(
            0,
            runs.Setting,
            rows.Count,
            Median.LowerOrNull(rows.Select(r => r.Status == RunStatus.Converged ? (long?)r.EpochsToTarget : null)),
            Median.LowerOrNull(rows.Select(r => r.Status == RunStatus.Converged ? r.GradEvalsToTarget : null)),
            Median.Of(rows.Select(r => r.FinalGap)),
            rows.Count(r => r.Status == RunStatus.Converged),
            rows.Count(r => r.Status == RunStatus.NotConverged),
            rows.Count(r => r.Status == RunStatus.Diverged),
            rows.Count(r => r.Status == RunStatus.Failed),
            Median.Of(rows.Select(r => r.FinalLoss)),
            // Negated so that Median's "NaN counts as +∞" makes a run without an accuracy count as the worst.
            classification ? -Median.Of(rows.Select(r => -(r.Accuracy ?? double.NaN))) : null)
        {
            LostTarget = rows.Count(r => r.Status == RunStatus.LostTarget),
            Epochs = Median.LowerOrNull(rows.Select(r => (long?)r.Epochs)) ?? 0,
            RoundingGap = rows.Count == 0 ? LeaderRule.RoundingGap : rows.Max(r => LeaderRule.Tolerance(r.OptimumLoss)),
            Seeds = rows,
        };
    }
}
