using DescentLab.Core.Training;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>A problem's leader by <see cref="LeaderRule"/> (the first entry of its leaderboard), what decided it over the
/// runner-up, and by how much over seeds.</summary>
/// <param name="Problem">The problem.</param>
/// <param name="Winner">The first entry of its leaderboard.</param>
/// <param name="RunnerUp">The second entry, or null when only one setting ran.</param>
/// <param name="Judgment">The measures that judge the problem (what breaks a tie in epochs to target).</param>
public sealed record ProblemWinner(ProblemKey Problem, LeaderboardEntry Winner, LeaderboardEntry? RunnerUp, ProblemJudgment Judgment)
{
    /// <summary>The winner of each leaderboard, in leaderboard order; empty leaderboards are skipped.</summary>
    public static IReadOnlyList<ProblemWinner> From(IReadOnlyList<Leaderboard> boards) =>
        boards.Where(b => b.Entries.Count > 0)
            .Select(b => new ProblemWinner(b.Problem, b.Entries[0], b.Entries.Count > 1 ? b.Entries[1] : null, b.Judged))
            .ToList();

    /// <summary>Which key of the rule decided between winner and runner-up.</summary>
    public WinMargin Margin
    {
        get
        {
            if (RunnerUp is not { } up)
            {
                return WinMargin.Alone;
            }

            if (Winner.EpochsToTarget != up.EpochsToTarget)
            {
                return WinMargin.FewerEpochs;
            }

            if (!Judgment.ByLoss)
            {
                return LeaderRule.CompareQuantity(Winner, up, Judgment) != 0 ? WinMargin.SmallerGap : WinMargin.Tie;
            }

            return Accuracy(Winner) != Accuracy(up) ? WinMargin.HigherAccuracy
                : LeaderRule.CompareQuantity(Winner, up, Judgment) != 0 ? WinMargin.SmallerLoss
                : WinMargin.Tie;
        }
    }

    /// <summary>Winner minus runner-up in the deciding measure with its bootstrap interval over the seeds both ran; null when
    /// alone, tied, or no seed is shared.</summary>
    public WinDifference? Difference
    {
        get
        {
            var margin = Margin;
            if (RunnerUp is not { } up || margin is WinMargin.Alone or WinMargin.Tie)
            {
                return null;
            }

            var bySeed = up.Seeds.GroupBy(r => r.Seed).ToDictionary(g => g.Key, g => g.First());
            var pairs = Winner.Seeds.Where(r => bySeed.ContainsKey(r.Seed)).Select(r => (W: r, U: bySeed[r.Seed])).ToList();
            if (pairs.Count == 0)
            {
                return null;
            }

            var (measure, value, statistic) = Measure(margin);
            double[] w = [.. pairs.Select(p => value(p.W))];
            double[] u = [.. pairs.Select(p => value(p.U))];
            double Diff(IEnumerable<int> pick) =>
                WinDifference.Difference(statistic(pick.Select(i => w[i])), statistic(pick.Select(i => u[i])));
            var all = Enumerable.Range(0, pairs.Count).ToArray();
            var (low, high) = Bootstrap.Interval(pairs.Count, pick => Diff(pick));
            return new WinDifference(measure, statistic(all.Select(i => w[i])), statistic(all.Select(i => u[i])), low, high, pairs.Count);
        }
    }

    // The per-seed value of the deciding measure and the median the leaderboard takes of it.
    private (string Measure, Func<SummaryRow, double> Value, Func<IEnumerable<double>, double> Statistic) Measure(WinMargin margin) => margin switch
    {
        WinMargin.FewerEpochs => ("epochs to target", r => r.Status == RunStatus.Converged && r.EpochsToTarget is int e ? e : double.PositiveInfinity, LowerMedian),
        WinMargin.HigherAccuracy => ("accuracy", r => r.Accuracy is double a && !double.IsNaN(a) ? a : double.NegativeInfinity, v => -Median.Of(v.Select(x => -x))),
        WinMargin.SmallerLoss => ("final loss", r => r.FinalLoss, Median.Of),
        _ => ("final gap", r => LeaderRule.IsRounding(r.FinalGap, r.OptimumLoss) ? 0 : r.FinalGap, Median.Of),
    };

    // The value by which at least half got there, as Median.LowerOrNull, with never as +∞.
    private static double LowerMedian(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[((sorted.Length + 1) / 2) - 1];
    }

    private static double Accuracy(LeaderboardEntry entry) => entry.Accuracy ?? double.NegativeInfinity;
}
