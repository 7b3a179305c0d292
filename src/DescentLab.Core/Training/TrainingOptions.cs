namespace DescentLab.Core.Training;

/// <summary>Everything a run needs besides model, data and update rule.</summary>
/// <param name="InitialTheta">Starting parameters, one per model parameter.</param>
/// <param name="BatchSize">Samples per update, 1..n.</param>
/// <param name="Shuffle">Reshuffle the samples before every epoch.</param>
/// <param name="ShuffleSeed">Seed of the reshuffle stream.</param>
/// <param name="MaxEpochs">Upper bound on epochs (passes over the data).</param>
/// <param name="TargetGap">Target <c>loss - L* &lt;= TargetGap</c>; NaN for none.</param>
/// <param name="StopAtTarget">Stop as soon as the target is reached.</param>
/// <param name="DivergeFactor">Diverged once the loss exceeds this many times the initial loss.</param>
/// <param name="Record">Curve row per epoch or per step.</param>
/// <param name="OptimumLoss">L*, the reference optimum of this dataset and model (NaN if unknown).</param>
/// <param name="TargetLoss">Target <c>loss &lt;= TargetLoss</c>; NaN for none.</param>
/// <param name="TargetAccuracy">Target accuracy (<see cref="Metrics.Accuracy"/>) <c>&gt;= TargetAccuracy</c>; NaN for none.</param>
/// <param name="TrackAccuracy">Record the accuracy of every recorded state (classification problems only).</param>
/// <remarks>A run has converged at the first recorded state that meets every target that is set; with no target set it never does.</remarks>
/// <param name="RunId">The run's id, for rules that tell someone else which run they serve (empty outside a plan).</param>
/// <param name="Seed">The run's seed, likewise.</param>
public sealed record TrainingOptions(
    double[] InitialTheta,
    int BatchSize,
    bool Shuffle,
    ulong ShuffleSeed,
    int MaxEpochs,
    double TargetGap,
    bool StopAtTarget,
    double DivergeFactor,
    RecordMode Record,
    double OptimumLoss,
    double TargetLoss = double.NaN,
    double TargetAccuracy = double.NaN,
    bool TrackAccuracy = false,
    string RunId = "",
    ulong Seed = 0)
{
    /// <summary>Curve rows to reserve for <paramref name="sampleCount"/> samples.</summary>
    public long CurveCapacity(int sampleCount) =>
        Record == RecordMode.Step ? 1 + (long)MaxEpochs * UpdatesPerEpoch(sampleCount) : 1 + (long)MaxEpochs;

    /// <summary>Parameter updates in one epoch: ⌈n / batch⌉.</summary>
    public long UpdatesPerEpoch(int sampleCount) => (sampleCount + (long)BatchSize - 1) / BatchSize;
}
