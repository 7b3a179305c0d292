using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>Reduces one run set's rows to one <see cref="TrendPoint"/> per problem × setting, in plan order.</summary>
public static class TrendPoints
{
    /// <summary>The points of run set <paramref name="runSetId"/>.</summary>
    /// <remarks>Built from the run set's leaderboards, so the leader is the headline's (<see cref="LeaderRule"/>). The median
    /// final gap counts a diverged seed (NaN) as the worst, so a median of mostly diverged seeds is NaN; epochs to target are
    /// the leaderboard's (first hits of converged seeds, lower median); accuracy is kept where it judges the problem.</remarks>
    public static IEnumerable<TrendPoint> Of(long runSetId, DateTimeOffset startedUtc, string? commit, IReadOnlyList<SummaryRow> rows) =>
        ProblemRuns.Group(rows).SelectMany(problem =>
        {
            var board = Leaderboard.Build(problem);
            var entries = board.Entries.ToDictionary(e => e.Setting);
            bool byAccuracy = board.Judged.ByLoss && board.Judged.HasAccuracy;
            return problem.Settings.Select(s => entries[s.Setting]).Select(e => new TrendPoint(
                runSetId,
                startedUtc,
                e.Setting.Variant,
                double.IsFinite(e.FinalGap) ? e.FinalGap : double.NaN,
                e.EpochsToTarget)
            {
                Commit = commit,
                Problem = board.Problem.Label,
                Setting = e.Setting.Label,
                Leader = e.Rank == 1,
                MedianAccuracy = byAccuracy && e.Accuracy is double a && double.IsFinite(a) ? a : null,
            });
        });
}
