using System.Text.Json.Serialization;

namespace DescentLab.Experiments.Config;

/// <summary>Stop rules (SPEC §3 <c>stop</c>).</summary>
/// <param name="MaxEpochs">Upper bound on epochs.</param>
/// <param name="TargetGap">Converged once the gap is at most this.</param>
/// <param name="StopAtTarget">Stop as soon as the target is reached.</param>
/// <param name="DivergeFactor">Diverged once the loss exceeds this many times the initial loss.</param>
/// <param name="MaxSeconds">Per-run wall-clock limit; a run still going after it is <c>failed</c> (null: none).</param>
public sealed record StopConfig(
    int MaxEpochs = 100,
    double TargetGap = 1e-6,
    bool StopAtTarget = false,
    double DivergeFactor = 1e6,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? MaxSeconds = null);
