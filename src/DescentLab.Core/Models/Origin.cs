using DescentLab.Core.Datasets;
using DescentLab.Core.Models.Kernels;

namespace DescentLab.Core.Models;

/// <summary>The course's first neuron: <c>ŷ = w·x</c>, mean squared error.</summary>
/// <remarks>Gradient <c>dL/dw = (2/n)·Σ x(wx - y)</c>; per sample this is the course's <c>k = 2x²w - 2xy</c>.
/// Closed form <c>w = Σxy / Σx²</c>.</remarks>
public readonly struct Origin : IModel
{
    private static readonly string[] Names = ["w"];

    /// <inheritdoc/>
    public int ParameterCount => 1;

    /// <inheritdoc/>
    public int OutputLayerStart => 0;

    /// <inheritdoc/>
    public IReadOnlyList<string> ParameterNames => Names;

    /// <inheritdoc/>
    public bool HasClosedForm => true;

    /// <inheritdoc/>
    public bool IsConvex => true;

    /// <inheritdoc/>
    public void Initialize(Span<double> theta, IReadOnlyDictionary<string, double> init, ulong seed) =>
        ParameterInit.ByName(ParameterNames, init, theta);

    /// <inheritdoc/>
    public double Predict(ReadOnlySpan<double> theta, double x1, double x2) => theta[0] * x1;

    /// <inheritdoc/>
    public double Loss(in Samples samples, int start, int count, ReadOnlySpan<double> theta)
    {
        LinearSums.Origin(samples.X1.AsSpan(start, count), samples.Y.AsSpan(start, count), theta[0], out double sumSq, out _);
        return sumSq / count;
    }

    /// <inheritdoc/>
    public double LossGradient(in Samples samples, int start, int count, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        LinearSums.Origin(samples.X1.AsSpan(start, count), samples.Y.AsSpan(start, count), theta[0], out double sumSq, out double sumRx);
        gradient[0] = 2.0 * sumRx / count;
        return sumSq / count;
    }

    /// <inheritdoc/>
    public void SgdEpoch(in Samples samples, Span<double> theta, double lr)
    {
        ReadOnlySpan<double> x = samples.X1;
        ReadOnlySpan<double> y = samples.Y;
        double w = theta[0];
        for (int i = 0; i < y.Length; i++)
        {
            // Same operations as LossGradient with count 1: r = w*x - y; g = 2*(r*x) / 1.
            double r = w * x[i] - y[i];
            w -= lr * (2.0 * (r * x[i]));
        }

        theta[0] = w;
    }

    /// <inheritdoc/>
    public bool TrySolveClosedForm(in Samples samples, Span<double> theta)
    {
        double sxx = 0, sxy = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            sxx += samples.X1[i] * samples.X1[i];
            sxy += samples.X1[i] * samples.Y[i];
        }

        if (!double.IsFinite(sxx) || !double.IsFinite(sxy))
        {
            theta[0] = double.NaN;
            return true;
        }

        if (sxx == 0)
        {
            return false;
        }

        theta[0] = sxy / sxx;
        return true;
    }

    /// <inheritdoc/>
    public bool TryHessian(in Samples samples, ReadOnlySpan<double> theta, Span<double> hessian)
    {
        double sxx = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            sxx += samples.X1[i] * samples.X1[i];
        }

        hessian[0] = 2.0 * sxx / samples.Count;
        return true;
    }
}
