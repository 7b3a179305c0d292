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
    /// <remarks>A problem follows epochs to target when every point of it reached the target, otherwise the final gap.
    /// Steps are found by <see cref="ChangePoints.Detect"/> on log10 of the metric (gaps floored at <see cref="GapFloor"/>,
    /// epochs at 1) with a minimum step of a factor of 2; a diverged median (NaN gap) is left out. Shown per problem: the
    /// leader of the latest run set (fewest epochs, else smallest gap) and every setting that stepped, at most
    /// <paramref name="maxSeries"/> (the leader, then the most recent steps first).</remarks>
    public static TrendAnalysis From(IReadOnlyList<TrendPoint> trend, int maxSeries)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSeries);
        var runSets = trend.GroupBy(t => t.RunSetId)
            .Select(g => g.First())
            .OrderBy(t => t.StartedUtc)
            .ThenBy(t => t.RunSetId)
            .Select(t => new TrendRunSet(t.RunSetId, t.StartedUtc, Short(t.Commit)))
            .ToList();
        var index = runSets.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i);
        int latest = runSets.Count - 1;
        var problems = new List<TrendProblem>();
        foreach (var problem in trend.GroupBy(t => t.Problem))
        {
            var metric = problem.All(t => t.MedianEpochsToTarget is not null) ? TrendMetric.EpochsToTarget : TrendMetric.FinalGap;
            var series = problem.GroupBy(t => t.Setting).Select(g => Series(g.ToList(), metric, index)).ToList();
            var current = series.Where(s => s.Points.Count > 0 && s.Points[^1].RunSet == latest).ToList();
            var leader = current.Count > 0 ? current.MinBy(s => s.Points[^1].Value) : null;
            var shown = series.Where(s => s.Steps.Count > 0 && s != leader)
                .OrderByDescending(s => s.Points[s.Steps[^1].Index].RunSet)
                .Prepend(leader)
                .OfType<TrendSeries>()
                .Take(maxSeries)
                .Select(s => s == leader ? s with { Leader = true } : s)
                .ToList();
            problems.Add(new TrendProblem(problem.Key, metric, shown));
        }

        return new TrendAnalysis(runSets, problems);
    }

    /// <summary>The short commit shown on the axis and in the headline.</summary>
    public static string Short(string? commit) => commit is { Length: > 0 } c ? c[..Math.Min(7, c.Length)] : "no git";

    private static TrendSeries Series(List<TrendPoint> points, TrendMetric metric, Dictionary<long, int> index)
    {
        var values = points
            .Select(p => (RunSet: index[p.RunSetId], Value: metric == TrendMetric.EpochsToTarget ? p.MedianEpochsToTarget!.Value : p.MedianFinalGap))
            .Where(p => !double.IsNaN(p.Value))
            .OrderBy(p => p.RunSet)
            .ToList();
        double floor = metric == TrendMetric.EpochsToTarget ? 1 : GapFloor;
        var logs = values.Select(p => Math.Log10(Math.Max(p.Value, floor))).ToList();
        var steps = ChangePoints.Detect(logs, MinStepDecades)
            .Select(s => s with { Before = Math.Pow(10, s.Before), After = Math.Pow(10, s.After) })
            .ToList();
        return new TrendSeries(points[0].Variant, points[0].Setting, values, steps, false);
    }
}
