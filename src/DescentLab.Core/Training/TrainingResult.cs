namespace DescentLab.Core.Training;

/// <summary>The outcome of one run: its curve and its metrics.</summary>
/// <param name="Status">How the run ended.</param>
/// <param name="Message">Why it diverged or failed; empty otherwise.</param>
/// <param name="Curve">Every recorded row.</param>
/// <param name="Epochs">Epochs completed (the last one may be partial in step mode).</param>
/// <param name="Steps">Parameter updates made.</param>
/// <param name="GradEvals">Per-sample gradient evaluations made by the optimizer (monitoring not counted).</param>
/// <param name="EpochsToTarget">First epoch whose state met every target set, or null.</param>
/// <param name="GradEvalsToTarget">Gradient evaluations spent when the target was first met, or null.</param>
/// <param name="FinalLoss">Loss of the last recorded state.</param>
/// <param name="FinalGap">Gap of the last recorded state.</param>
/// <param name="FinalTheta">Parameters of the last recorded state.</param>
/// <param name="FinalAccuracy">Accuracy of the last recorded state; NaN where accuracy is not tracked.</param>
public sealed record TrainingResult(
    RunStatus Status,
    string Message,
    Curve Curve,
    int Epochs,
    long Steps,
    long GradEvals,
    int? EpochsToTarget,
    long? GradEvalsToTarget,
    double FinalLoss,
    double FinalGap,
    double[] FinalTheta,
    double FinalAccuracy = double.NaN);
