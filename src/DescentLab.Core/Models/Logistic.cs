using DescentLab.Core.Datasets;

namespace DescentLab.Core.Models;

/// <summary>The sigmoid neuron: <c>ŷ = σ(w·x + b)</c> (1-D) or <c>σ(w1·x1 + w2·x2 + b)</c> (2-D).</summary>
/// <remarks>Loss: mean squared error (the course) or mean binary cross-entropy <c>softplus(z) - y·z</c>.
/// dℓ/dz is <c>2(σ - y)σ(1 - σ)</c> for mse and <c>σ - y</c> for cross-entropy; the gradient is dℓ/dz·(x, 1).
/// 1 - σ is computed as σ(-z), never by subtraction, so saturated samples keep their tiny loss and gradient.
/// No closed form; the analytic Hessian feeds the reference Newton solve.</remarks>
public readonly struct Logistic : IModel
{
    private static readonly string[] Names1 = ["w", "b"];
    private static readonly string[] Names2 = ["w1", "w2", "b"];
    private readonly bool _twoInputs;
    private readonly LossKind _loss;

    /// <summary>A logistic model over <paramref name="dimension"/> inputs (1 or 2).</summary>
    public Logistic(int dimension, LossKind loss)
    {
        if (dimension is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The logistic model takes 1 or 2 inputs.");
        }

        _twoInputs = dimension == 2;
        _loss = loss;
    }

    /// <inheritdoc/>
    public int ParameterCount => _twoInputs ? 3 : 2;

    /// <inheritdoc/>
    public int OutputLayerStart => 0;

    /// <inheritdoc/>
    public IReadOnlyList<string> ParameterNames => _twoInputs ? Names2 : Names1;

    /// <inheritdoc/>
    public bool HasClosedForm => false;

    /// <inheritdoc/>
    public bool IsConvex => _loss == LossKind.CrossEntropy;

    /// <inheritdoc/>
    public void Initialize(Span<double> theta, IReadOnlyDictionary<string, double> init, ulong seed) =>
        ParameterInit.ByName(ParameterNames, init, theta);

    /// <inheritdoc/>
    public double Predict(ReadOnlySpan<double> theta, double x1, double x2) => SigmoidMath.Sigmoid(Z(theta, x1, x2));

    /// <inheritdoc/>
    public double Loss(in Samples samples, int start, int count, ReadOnlySpan<double> theta)
    {
        double sum = 0;
        for (int i = start; i < start + count; i++)
        {
            double z = Z(theta, samples.X1[i], _twoInputs ? samples.X2[i] : 0);
            sum += SampleLoss(z, samples.Y[i], out _);
        }

        return sum / count;
    }

    /// <inheritdoc/>
    public double LossGradient(in Samples samples, int start, int count, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double sum = 0, g0 = 0, g1 = 0, g2 = 0;
        for (int i = start; i < start + count; i++)
        {
            double x1 = samples.X1[i];
            double x2 = _twoInputs ? samples.X2[i] : 0;
            sum += SampleLoss(Z(theta, x1, x2), samples.Y[i], out double e);
            g0 += e * x1;
            if (_twoInputs)
            {
                g1 += e * x2;
                g2 += e;
            }
            else
            {
                g1 += e;
            }
        }

        gradient[0] = g0 / count;
        gradient[1] = g1 / count;
        if (_twoInputs)
        {
            gradient[2] = g2 / count;
        }

        return sum / count;
    }

    /// <inheritdoc/>
    public void SgdEpoch(in Samples samples, Span<double> theta, double lr)
    {
        Span<double> g = stackalloc double[3];
        g = g[..ParameterCount];
        for (int i = 0; i < samples.Count; i++)
        {
            LossGradient(samples, i, 1, theta, g);
            for (int j = 0; j < g.Length; j++)
            {
                theta[j] -= lr * g[j];
            }
        }
    }

    /// <inheritdoc/>
    public bool TrySolveClosedForm(in Samples samples, Span<double> theta) => false;

    /// <inheritdoc/>
    public bool TryHessian(in Samples samples, ReadOnlySpan<double> theta, Span<double> hessian)
    {
        int p = ParameterCount;
        hessian[..(p * p)].Clear();
        Span<double> phi = stackalloc double[3];
        for (int i = 0; i < samples.Count; i++)
        {
            double x1 = samples.X1[i];
            double x2 = _twoInputs ? samples.X2[i] : 0;
            SigmoidMath.Sigmoids(Z(theta, x1, x2), out double s, out double sc);
            double ds = s * sc;
            double r = Residual(s, sc, samples.Y[i]);
            double c = _loss == LossKind.CrossEntropy ? ds : 2 * (ds * ds + r * ds * (sc - s));
            phi[0] = x1;
            phi[1] = _twoInputs ? x2 : 1;
            phi[2] = 1;
            for (int j = 0; j < p; j++)
            {
                for (int k = 0; k < p; k++)
                {
                    hessian[j * p + k] += c * phi[j] * phi[k];
                }
            }
        }

        for (int j = 0; j < p * p; j++)
        {
            hessian[j] /= samples.Count;
        }

        return true;
    }

    private double Z(ReadOnlySpan<double> theta, double x1, double x2) =>
        _twoInputs ? theta[0] * x1 + theta[1] * x2 + theta[2] : theta[0] * x1 + theta[1];

    private static double Residual(double s, double sc, double y) => SigmoidMath.Residual(s, sc, y);

    private double SampleLoss(double z, double y, out double dLossDz) => SigmoidMath.SampleLoss(_loss, z, y, out dLossDz);
}
