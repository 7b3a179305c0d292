using DescentLab.Core.Datasets;
using DescentLab.Core.Models;

namespace DescentLab.Core.Metrics;

/// <summary>Classification accuracy: the share of samples whose predicted class (output ≥ 0.5) is their label's
/// (y ≥ 0.5).</summary>
public static class Accuracy
{
    /// <summary>Accuracy of <paramref name="model"/> at <paramref name="theta"/> over all of <paramref name="data"/>; NaN
    /// for no samples.</summary>
    public static double Of(IModelHandle model, Dataset data, ReadOnlySpan<double> theta)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        int right = 0;
        for (int i = 0; i < data.Count; i++)
        {
            double x2 = data.Dimension == 2 ? data.X2[i] : 0;
            right += (model.Predict(theta, data.X1[i], x2) >= 0.5) == (data.Y[i] >= 0.5) ? 1 : 0;
        }

        return data.Count == 0 ? double.NaN : (double)right / data.Count;
    }
}
