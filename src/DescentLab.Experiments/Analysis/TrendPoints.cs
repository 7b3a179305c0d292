using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>Reduces one run set's rows to one <see cref="TrendPoint"/> per problem × setting, in plan order.</summary>
public static class TrendPoints
{
    /// <summary>The points of run set <paramref name="runSetId"/>.</summary>
    /// <remarks>The median final gap counts a diverged seed (NaN) as the worst, so a median of mostly diverged seeds is
    /// NaN; epochs to target are the lower median over every seed, a seed that never reached the target counting as never.</remarks>
    public static IEnumerable<TrendPoint> Of(long runSetId, DateTimeOffset startedUtc, string? commit, IReadOnlyList<SummaryRow> rows) =>
        rows.GroupBy(r => (Problem: ProblemKey.From(r), Setting: VariantSetting.From(r)))
            .Select(g =>
            {
                double gap = Median.Of(g.Select(r => r.FinalGap));
                long? epochs = Median.LowerOrNull(g.Select(r => (long?)r.EpochsToTarget));
                return new TrendPoint(runSetId, startedUtc, g.Key.Setting.Variant, double.IsFinite(gap) ? gap : double.NaN, epochs)
                {
                    Commit = commit,
                    Problem = g.Key.Problem.Label,
                    Setting = g.Key.Setting.Label,
                };
            });
}
