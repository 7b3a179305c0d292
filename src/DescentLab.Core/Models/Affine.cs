using DescentLab.Core.Datasets;
using DescentLab.Core.Models.Kernels;

namespace DescentLab.Core.Models;

/// <summary>The neuron with a bias: <c>ŷ = w·x + b</c>, mean squared error.</summary>
/// <remarks>Gradient <c>(2/n)·(Σ r·x, Σ r)</c> with <c>r = wx + b - y</c>. Closed form by centred normal equations.</remarks>
public readonly struct Affine : IModel
{
    private static readonly string[] Names = ["w", "b"];

    /// <inheritdoc/>
    public int ParameterCount => 2;

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
    public double Predict(ReadOnlySpan<double> theta, double x1, double x2) => theta[0] * x1 + theta[1];

    /// <inheritdoc/>
    public double Loss(in Samples samples, int start, int count, ReadOnlySpan<double> theta)
    {
        LinearSums.Affine(samples.X1.AsSpan(start, count), samples.Y.AsSpan(start, count), theta[0], theta[1], out double sumSq, out _, out _);
        return sumSq / count;
    }

    /// <inheritdoc/>
    public double LossGradient(in Samples samples, int start, int count, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        LinearSums.Affine(samples.X1.AsSpan(start, count), samples.Y.AsSpan(start, count), theta[0], theta[1], out double sumSq, out double sumRx, out double sumR);
        gradient[0] = 2.0 * sumRx / count;
        gradient[1] = 2.0 * sumR / count;
        return sumSq / count;
    }

    /// <inheritdoc/>
    public void SgdEpoch(in Samples samples, Span<double> theta, double lr)
    {
        ReadOnlySpan<double> x = samples.X1;
        ReadOnlySpan<double> y = samples.Y;
        double w = theta[0];
        double b = theta[1];
        for (int i = 0; i < y.Length; i++)
        {
            // Same operations as LossGradient with count 1.
            double r = w * x[i] + b - y[i];
            double gw = 2.0 * (r * x[i]);
            double gb = 2.0 * r;
            w -= lr * gw;
            b -= lr * gb;
        }

        theta[0] = w;
        theta[1] = b;
    }

    /// <inheritdoc/>
    public bool TrySolveClosedForm(in Samples samples, Span<double> theta)
    {
        int n = samples.Count;
        if (n == 0)
        {
            return false;
        }

        double mx = 0, my = 0;
        for (int i = 0; i < n; i++)
        {
            mx += samples.X1[i];
            my += samples.Y[i];
        }

        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = samples.X1[i] - mx;
            sxx += dx * dx;
            sxy += dx * (samples.Y[i] - my);
        }

        if (!double.IsFinite(sxx) || !double.IsFinite(sxy) || !double.IsFinite(mx) || !double.IsFinite(my))
        {
            theta.Fill(double.NaN);
            return true;
        }

        if (sxx == 0)
        {
            return false;
        }

        theta[0] = sxy / sxx;
        theta[1] = my - theta[0] * mx;
        return true;
    }

    /// <inheritdoc/>
    public bool TryHessian(in Samples samples, ReadOnlySpan<double> theta, Span<double> hessian)
    {
        double sxx = 0, sx = 0;
        int n = samples.Count;
        for (int i = 0; i < n; i++)
        {
            sxx += samples.X1[i] * samples.X1[i];
            sx += samples.X1[i];
        }

        hessian[0] = 2.0 * sxx / n;
        hessian[1] = 2.0 * sx / n;
        hessian[2] = hessian[1];
        hessian[3] = 2.0;
        return true;
    }
}
