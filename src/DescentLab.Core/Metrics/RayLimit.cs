using DescentLab.Core.Datasets;
using DescentLab.Core.Models;

namespace DescentLab.Core.Metrics;

/// <summary>The loss in the limit of sharpening θ along a ray, lim L(θ(s)) as s → ∞, over two rays: the whole θ scaled
/// through the origin, and the output layer alone scaled (<see cref="IModel.OutputLayerStart"/>) with the features kept.</summary>
/// <remarks>Evaluated where the scaled part has max |θ| = 1e12: every sigmoid whose input is not exactly 0 is then
/// saturated to 0 or 1 in double precision (the models compute 1 - σ as σ(-z)), so the value is the loss of the step
/// function the sigmoids sharpen into: 0 on separable data, the misclassified share for mse, +∞ in effect for
/// cross-entropy with a misclassified sample. The second ray matters for the mlp: hidden units that already separate the
/// classes make the loss run to 0 by scaling the output alone, on a path that need not point back at the origin.</remarks>
internal static class RayLimit
{
    private const double Scale = 1e12;

    /// <summary>The lower of the two rays' limits and the point it is read at.</summary>
    public static (double Limit, double[] Far) Of<TModel>(TModel model, Samples samples, ReadOnlySpan<double> theta)
        where TModel : struct, IModel
    {
        var far = Sharpen(theta, 0);
        double limit = model.Loss(samples, 0, samples.Count, far);
        int output = model.OutputLayerStart;
        if (output > 0)
        {
            var farOutput = Sharpen(theta, output);
            double outputLimit = model.Loss(samples, 0, samples.Count, farOutput);
            if (outputLimit < limit)
            {
                return (outputLimit, farOutput);
            }
        }

        return (limit, far);
    }

    /// <summary>θ with its entries from <paramref name="from"/> on rescaled along their ray to max |θ| = 1e12 (unchanged when
    /// they are all zeros).</summary>
    private static double[] Sharpen(ReadOnlySpan<double> theta, int from)
    {
        double norm = Vectors.MaxAbs(theta[from..]);
        var far = theta.ToArray();
        if (norm > 0)
        {
            for (int j = from; j < far.Length; j++)
            {
                far[j] = theta[j] / norm * Scale;
            }
        }

        return far;
    }
}
