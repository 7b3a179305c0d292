namespace DescentLab.Core.Metrics;

/// <summary>The reference optimum L* of a dataset and model.</summary>
/// <param name="Loss">L*: the closed-form or Newton minimum, or the best loss found when the infimum is not attained.</param>
/// <param name="Theta">The parameters at <paramref name="Loss"/>.</param>
/// <param name="Attained">False when the loss kept falling to the iteration cap (nearly separable classes push w to infinity).</param>
/// <param name="Method">How it was found: <c>closed_form</c> or <c>newton</c>.</param>
/// <param name="Iterations">Newton iterations used (0 for the closed form).</param>
/// <param name="Kind">Whether L* is an exact minimum, an unattained infimum or the best known point of a non-convex problem.</param>
/// <param name="Limit">For an <see cref="ReferenceKind.Infimum"/>, θ sharpened along the ray whose limit is L* (what its
/// classifications are read at, since the finite <paramref name="Theta"/> is only a direction); else null.</param>
public sealed record Optimum(double Loss, double[] Theta, bool Attained, string Method, int Iterations, ReferenceKind Kind, double[]? Limit = null);
