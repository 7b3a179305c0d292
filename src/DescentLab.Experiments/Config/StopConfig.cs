using System.Text.Json.Serialization;

namespace DescentLab.Experiments.Config;

/// <summary>Stop rules and convergence targets (<c>stop</c>; which target decides per reference kind: docs/judgments.md).</summary>
/// <param name="MaxEpochs">Upper bound on epochs.</param>
/// <param name="TargetGap">Target loss - L* for exact and best_known problems.</param>
/// <param name="StopAtTarget">Stop a run once its deciding targets are met.</param>
/// <param name="DivergeFactor">Diverged once the loss exceeds this many times the initial loss.</param>
/// <param name="TargetLoss">Target loss for every problem, or null.</param>
/// <param name="TargetAccuracy">Target accuracy for classification problems, or null.</param>
/// <param name="MaxSeconds">Per-run wall-clock limit; a run still going after it is <c>failed</c> (null: none).</param>
public sealed record StopConfig(
    int MaxEpochs = 100,
    double TargetGap = 1e-6,
    bool StopAtTarget = false,
    double DivergeFactor = 1e6,
    double? TargetLoss = null,
    double? TargetAccuracy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? MaxSeconds = null);
