using DescentLab.Core.Datasets;
using DescentLab.Core.Models;

namespace DescentLab.Core.Metrics;

/// <summary>The loss in the limit of sharpening θ along its own ray, lim L(s·θ) as s → ∞.</summary>
/// <remarks>Evaluated at s·θ with max |s·θ| = 1e12: every sigmoid whose input is not exactly 0 is then saturated to 0 or 1
/// in double precision (the models compute 1 - σ as σ(-z)), so the value is the loss of the step function the sigmoids
/// sharpen into: 0 on separable data, the misclassified share for mse, +∞ in effect for cross-entropy with a
/// misclassified sample.</remarks>
internal static class RayLimit
{
    private const double Scale = 1e12;

    public static double Of<TModel>(TModel model, Samples samples, ReadOnlySpan<double> theta)
        where TModel : struct, IModel => model.Loss(samples, 0, samples.Count, Sharpen(theta));

    /// <summary>θ rescaled along its ray to max |θ| = 1e12 (θ itself when it is all zeros).</summary>
    public static double[] Sharpen(ReadOnlySpan<double> theta)
    {
        double norm = Vectors.MaxAbs(theta);
        var far = theta.ToArray();
        if (norm > 0)
        {
            for (int j = 0; j < far.Length; j++)
            {
                far[j] = theta[j] / norm * Scale;
            }
        }

        return far;
    }
}
