namespace DescentLab.Experiments.Analysis;

/// <summary>One variant setting's line in a problem's leaderboard; medians are over seeds.</summary>
/// <param name="Rank">1 for the best.</param>
/// <param name="Setting">The variant setting.</param>
/// <param name="Runs">Runs (seeds) aggregated.</param>
/// <param name="EpochsToTarget">Epochs by which at least half of the runs met the targets that judge them (target_gap, or
/// target_loss / target_accuracy for an infimum; <see cref="Median.LowerOrNull"/>), or null.</param>
/// <param name="GradEvalsToTarget">Gradient evaluations by which at least half of the runs met those targets, or null.</param>
/// <param name="FinalGap">Median final gap (a diverged or failed run's NaN counts as +∞).</param>
/// <param name="Converged">Runs that converged.</param>
/// <param name="NotConverged">Runs that ran out of epochs.</param>
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
    double? Accuracy);
