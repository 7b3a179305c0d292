using DescentLab.Core.Training;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>One problem's variant settings ranked best first (SPEC §8).</summary>
/// <param name="Problem">The problem (seeds aggregated).</param>
/// <param name="Entries">Ranked entries.</param>
public sealed record Leaderboard(ProblemKey Problem, IReadOnlyList<LeaderboardEntry> Entries)
{
    /// <summary>A leaderboard per problem, problems in plan order.</summary>
    /// <remarks>Ranked by epochs to target (settings that reached it first, fewest epochs first), then by median final gap;
    /// remaining ties keep plan order, so the ranking is deterministic.</remarks>
    public static IReadOnlyList<Leaderboard> Build(RunSet set) =>
        ProblemRuns.Group(set.Rows).Select(Build).ToList();

    /// <summary>The leaderboard of one problem's runs.</summary>
    public static Leaderboard Build(ProblemRuns problem)
    {
        var ranked = problem.Settings
            .Select(Aggregate)
            .OrderBy(e => e.EpochsToTarget is null)
            .ThenBy(e => e.EpochsToTarget ?? 0)
            .ThenBy(e => e.FinalGap)
            .Select((e, i) => e with { Rank = i + 1 })
            .ToList();
        return new Leaderboard(problem.Problem, ranked);
    }

    private static LeaderboardEntry Aggregate(SettingRuns runs)
    {
        var rows = runs.Rows;
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
            rows.Count(r => r.Status == RunStatus.Failed));
    }
}
