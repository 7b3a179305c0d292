using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Plots;

/// <summary>The analyses that both the figures and report.md read from a run set, each worked out once per set: the runs
/// grouped by problem and setting, the leaderboards built from them, and the trend's analysis.</summary>
/// <remarks>The figures are planned while report.md's numbers are worked out on another thread; a value one of them is
/// computing, the other waits for (<see cref="PerRunSet{T}"/>) instead of computing it again.</remarks>
internal static class RunSetAnalyses
{
    private static readonly PerRunSet<IReadOnlyList<ProblemRuns>> ProblemsOf = new(set => ProblemRuns.Group(set.Rows));

    private static readonly PerRunSet<IReadOnlyList<Leaderboard>> BoardsOf = new(set => [.. Problems(set).Select(Leaderboard.Build)]);

    private static readonly PerRunSet<TrendAnalysis> TrendOf = new(set => TrendAnalysis.From(set.Trend, VariantFamilies.MaxLinesPerPanel));

    /// <summary>The runs of <paramref name="set"/> grouped by problem and setting, problems in plan order.</summary>
    public static IReadOnlyList<ProblemRuns> Problems(RunSet set) => ProblemsOf.Of(set);

    /// <summary>Every problem's leaderboard, as <see cref="Leaderboard.Build(RunSet)"/> builds it.</summary>
    public static IReadOnlyList<Leaderboard> Boards(RunSet set) => BoardsOf.Of(set);

    /// <summary>The trend of the set's last nights, at most <see cref="VariantFamilies.MaxLinesPerPanel"/> series a
    /// problem.</summary>
    public static TrendAnalysis Trend(RunSet set) => TrendOf.Of(set);
}
