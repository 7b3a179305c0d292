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
        where TModel : struct, IModel
    {
        double norm = Vectors.MaxAbs(theta);
        var far = new double[theta.Length];
        for (int j = 0; j < far.Length; j++)
        {
            far[j] = theta[j] / norm * Scale;
        }

        return model.Loss(samples, 0, samples.Count, far);
    }
}
