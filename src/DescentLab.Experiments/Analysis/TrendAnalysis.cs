using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>The trend of a config's run history per problem × setting, with its steps (asv style).</summary>
/// <param name="RunSets">The x axis: run sets oldest first.</param>
/// <param name="Problems">Problems in the order they first appear.</param>
public sealed record TrendAnalysis(IReadOnlyList<TrendRunSet> RunSets, IReadOnlyList<TrendProblem> Problems)
{
    /// <summary>Smallest step reported, in decades of the metric: a factor of 2.</summary>
    public static readonly double MinStepDecades = Math.Log10(2);

    /// <summary>Gaps at or below this are treated as equal (the rounding floor), so noise in the last bits is no step.</summary>
    public const double GapFloor = 1e-16;

    /// <summary>Analyses <paramref name="trend"/>.</summary>
    /// <remarks>A problem follows epochs to target when every point of it reached the target, otherwise its judging
    /// quantity: the accuracy where accuracy judges it, else the final gap. Steps are found by <see cref="ChangePoints.Detect"/>
    /// on log10 of the metric (gaps floored at <see cref="GapFloor"/>, epochs at 1, accuracies as error rates floored at
    /// 1e-3) with a minimum step of a factor of 2; a diverged median (NaN gap) is left out. Shown per problem: the leader of
    /// the latest run set (the point flagged by <see cref="LeaderRule"/>, as in the headline) and every setting that stepped,
    /// at most <paramref name="maxSeries"/> (the leader, then the most recent steps first); with
    /// <paramref name="everySetting"/>, every setting (the leader, then plan order), as the published site shows them.</remarks>
    public static TrendAnalysis From(IReadOnlyList<TrendPoint> trend, int maxSeries, bool everySetting = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSeries);
        var runSets = trend.GroupBy(t => t.RunSetId)
            .Select(g => g.First())
            .OrderBy(t => t.StartedUtc)
            .ThenBy(t => t.RunSetId)
            .Select(t => new TrendRunSet(t.RunSetId, t.StartedUtc, Short(t.Commit)))
            .ToList();
        runSets = [.. runSets.Select(r => r with { AxisLabel = AxisLabel(r, runSets) })];
        var index = runSets.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i);
        int latest = runSets.Count - 1;
        var problems = new List<TrendProblem>();
        foreach (var problem in trend.GroupBy(t => t.Problem))
        {
            var metric = problem.All(t => t.MedianEpochsToTarget is not null) ? TrendMetric.EpochsToTarget
                : problem.Any(t => t.MedianAccuracy is not null) ? TrendMetric.Accuracy
                : TrendMetric.FinalGap;
            var leaderSetting = problem.FirstOrDefault(t => t.Leader && index[t.RunSetId] == latest)?.Setting;
            var series = problem.GroupBy(t => t.Setting).Select(g => Series(g.ToList(), metric, index)).ToList();
            var leader = series.FirstOrDefault(s => s.Setting == leaderSetting);
            var shown = series.Where(s => s != leader && (everySetting || s.Steps.Count > 0))
                .OrderByDescending(s => everySetting ? 0 : s.Points[s.Steps[^1].Index].RunSet)
                .Prepend(leader)
                .OfType<TrendSeries>()
                .Take(maxSeries)
                .Select(s => s == leader ? s with { Leader = true } : s)
                .ToList();
            problems.Add(new TrendProblem(problem.Key, metric, shown));
        }

        return new TrendAnalysis(runSets, problems);
    }

    private static string AxisLabel(TrendRunSet runSet, List<TrendRunSet> all)
    {
        var day = runSet.StartedUtc.UtcDateTime.Date;
        bool shared = all.Count(r => r.StartedUtc.UtcDateTime.Date == day) > 1;
        string when = runSet.StartedUtc.UtcDateTime.ToString(shared ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return when + "\n" + runSet.Label;
    }

    /// <summary>The short commit shown on the axis and in the headline.</summary>
    public static string Short(string? commit) => commit is { Length: > 0 } c ? c[..Math.Min(7, c.Length)] : "no git";

    private static TrendSeries Series(List<TrendPoint> points, TrendMetric metric, Dictionary<long, int> index)
    {
        var values = points
            .Select(p => (RunSet: index[p.RunSetId], Value: metric switch
            {
                TrendMetric.EpochsToTarget => p.MedianEpochsToTarget!.Value,
                TrendMetric.Accuracy => p.MedianAccuracy ?? double.NaN,
                _ => p.MedianFinalGap,
            }))
            .Where(p => !double.IsNaN(p.Value))
            .OrderBy(p => p.RunSet)
            .ToList();
        var logs = values.Select(p => Math.Log10(Scaled(p.Value, metric))).ToList();
        var steps = ChangePoints.Detect(logs, MinStepDecades)
            .Select(s => s with { Before = Unscaled(Math.Pow(10, s.Before), metric), After = Unscaled(Math.Pow(10, s.After), metric) })
            .ToList();
        return new TrendSeries(points[0].Variant, points[0].Setting, values, steps, false);
    }

    // The positive quantity whose log the steps are found on: epochs (≥ 1), gaps (≥ the floor), error rates (≥ 1e-3).
    private static double Scaled(double value, TrendMetric metric) => metric switch
    {
        TrendMetric.EpochsToTarget => Math.Max(value, 1),
        TrendMetric.Accuracy => Math.Max(1 - value, 1e-3),
        _ => Math.Max(value, GapFloor),
    };

    private static double Unscaled(double value, TrendMetric metric) => metric == TrendMetric.Accuracy ? 1 - value : value;
}
