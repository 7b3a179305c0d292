using DescentLab.Core.Training;
using DescentLab.Experiments.Planning;

namespace DescentLab.Experiments.Running;

/// <summary>The outcome of one planned run.</summary>
/// <param name="Spec">What ran.</param>
/// <param name="Training">Curve and metrics; null when the run failed before producing any.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Message">Why it diverged or failed; empty otherwise.</param>
/// <param name="WallMs">Wall time in milliseconds.</param>
public sealed record RunResult(RunSpec Spec, TrainingResult? Training, RunStatus Status, string Message, double WallMs);
