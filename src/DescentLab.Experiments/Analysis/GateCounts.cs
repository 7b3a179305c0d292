using DescentLab.Core.Training;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>The counts a run set ends with: what the last log line, the CI summary and <c>compare</c> say.</summary>
/// <param name="Runs">Runs in the set.</param>
/// <param name="Converged">Runs whose final state meets their targets.</param>
/// <param name="Regressions">Setting × metric comparisons that got worse than the baseline (missing seeds included).</param>
/// <param name="Improvements">Setting × metric comparisons that got better.</param>
/// <param name="Failed">Runs that could not be carried out.</param>
/// <param name="Diverged">Runs that diverged.</param>
/// <param name="Compared">Whether the set was compared with a baseline; when not (no <c>regression</c> block, a missing or
/// unreadable baseline, no earlier set), the counts say so instead of "0 regressions", which would read as a pass.</param>
public sealed record GateCounts(int Runs, int Converged, int Regressions, int Improvements, int Failed, int Diverged, bool Compared = true)
{
    /// <summary>The counts of <paramref name="set"/>.</summary>
    public static GateCounts From(RunSet set) => new(
        set.Rows.Count,
        set.Rows.Count(r => r.Status == RunStatus.Converged),
        set.Regression?.SettingRegressions.Count() ?? 0,
        set.Regression?.SettingImprovements.Count() ?? 0,
        set.Rows.Count(r => r.Status == RunStatus.Failed),
        set.Rows.Count(r => r.Status == RunStatus.Diverged),
        set.Regression is { NotCompared: null })
    {
        LostTarget = set.Rows.Count(r => r.Status == RunStatus.LostTarget),
    };

    /// <summary>Runs that reached the target and ended outside it (never counted as converged).</summary>
    public int LostTarget { get; init; }

    /// <summary>"525 runs: 300 converged, 2 regressions, 1 improvement, 0 failed, 4 diverged", or with "no regression
    /// check" in place of the regressions and improvements when the set was not compared; "(3 reached, then lost)"
    /// follows the converged count when some run lost its target.</summary>
    public override string ToString() =>
        $"{Runs} runs: {Converged} converged{Lost}, {(Compared ? $"{Plural(Regressions, "regression")}, {Plural(Improvements, "improvement")}" : "no regression check")}, {Failed} failed, {Diverged} diverged";

    private string Lost => LostTarget > 0 ? $" ({LostTarget} reached, then lost)" : string.Empty;

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
