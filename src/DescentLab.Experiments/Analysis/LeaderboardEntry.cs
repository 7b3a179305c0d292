using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>One variant setting's line in a problem's leaderboard; medians are over seeds.</summary>
/// <param name="Rank">1 for the best.</param>
/// <param name="Setting">The variant setting.</param>
/// <param name="Runs">Runs (seeds) aggregated.</param>
/// <param name="EpochsToTarget">First-hit epochs by which at least half of the runs had reached the target and converged
/// (a run that did not end converged counts as never; <see cref="Median.LowerOrNull"/>), or null.</param>
/// <param name="GradEvalsToTarget">Gradient evaluations by which at least half of the runs had reached the target and
/// converged, or null.</param>
/// <param name="FinalGap">Median final gap (a diverged or failed run's NaN counts as +∞).</param>
/// <param name="Converged">Runs whose final state meets the targets.</param>
/// <param name="NotConverged">Runs that never reached the target.</param>
/// <param name="Diverged">Runs that diverged.</param>
/// <param name="Failed">Runs that failed.</param>
/// <param name="FinalLoss">Median final loss (NaN counts as +∞).</param>
/// <param name="Accuracy">Median final accuracy of a classification problem (a run without one counts as −∞), or null.</param>
public sealed record LeaderboardEntry(
    int Rank,
    VariantSetting Setting,
    int Runs,
    long? EpochsToTarget,
    long? GradEvalsToTarget,
    double FinalGap,
    int Converged,
    int NotConverged,
    int Diverged,
    int Failed,
    double FinalLoss,
    double? Accuracy)
{
    /// <summary>Runs that reached the target and ended outside it (reached, then lost).</summary>
    public int LostTarget { get; init; }

    /// <summary>Lower median of the epochs run (the tie rule's "fewer epochs").</summary>
    public long Epochs { get; init; }

    /// <summary>Gaps at or below this in magnitude are rounding: 1e-12·max(1, |L*|) over the setting's runs.</summary>
    public double RoundingGap { get; init; } = LeaderRule.RoundingGap;

    /// <summary>The runs aggregated, one per seed in plan order (what the margin's bootstrap resamples).</summary>
    public IReadOnlyList<SummaryRow> Seeds { get; init; } = [];
}
