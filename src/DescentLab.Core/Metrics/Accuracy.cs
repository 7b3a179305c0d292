using DescentLab.Core.Datasets;
using DescentLab.Core.Models;

namespace DescentLab.Core.Metrics;

/// <summary>Classification accuracy: the fraction of samples whose prediction, thresholded at 0.5, equals the 0/1 label.</summary>
/// <remarks>A prediction of exactly 0.5 counts as class 1. The one definition every caller uses (summary, curves, targets,
/// plot titles).</remarks>
public static class Accuracy
{
    /// <summary>The accuracy of <paramref name="model"/> at <paramref name="theta"/> over all of <paramref name="samples"/>;
    /// NaN for no samples. Allocates nothing.</summary>
    public static double Of<TModel>(in TModel model, in Samples samples, ReadOnlySpan<double> theta)
        where TModel : struct, IModel
    {
        int n = samples.Count;
        bool twoD = samples.X2.Length == n;
        int correct = 0;
        for (int i = 0; i < n; i++)
        {
            double predicted = model.Predict(theta, samples.X1[i], twoD ? samples.X2[i] : 0) >= 0.5 ? 1 : 0;
            if (predicted == samples.Y[i])
            {
                correct++;
            }
        }

        return n == 0 ? double.NaN : (double)correct / n;
    }

    /// <summary>True when every label is 0 or 1 (and there is at least one sample).</summary>
    public static bool HasBinaryLabels(in Samples samples)
    {
        foreach (double y in samples.Y)
        {
            if (y is not (0 or 1))
            {
                return false;
            }
        }

        return samples.Count > 0;
    }
}
