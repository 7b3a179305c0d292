namespace DescentLab.Core.Metrics;

/// <summary>The end of one local Newton solve.</summary>
/// <param name="Theta">Where it stopped.</param>
/// <param name="Loss">The loss there.</param>
/// <param name="Value">What it offers as L*: <see cref="Loss"/>, or the ray's limit for <see cref="LocalOutcome.Runaway"/>.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Iterations">Newton iterations used.</param>
/// <param name="Far">For <see cref="LocalOutcome.Runaway"/>, the sharpened point the limit is read at; else null.</param>
internal sealed record LocalSolution(double[] Theta, double Loss, double Value, LocalOutcome Outcome, int Iterations, double[]? Far);
