using DescentLab.Core.Training;

namespace DescentLab.Core.Variants;

/// <summary>rmsprop: torch.optim.RMSprop (not centred, no momentum). The RMSprop update; state: the running mean of squared gradients.</summary>
/// <remarks><c>v = α·v + (1 - α)·g²</c>; <c>θ -= lr·g / (√v + eps)</c>. Defaults: lr 0.01, alpha 0.99, eps 1e-8.
/// Source: PyTorch torch/optim/rmsprop.py; the operations follow its single-tensor path in order (<c>addcmul_</c> rounds
/// <c>((1 - α)·g)·g</c>, <c>addcdiv_</c> rounds <c>(-lr·g) / avg</c>), so float64 results round as torch's do (checked
/// against the transcription in tests/.../Variants/ReferenceUpdates.py; a torch build that fuses multiply-adds may differ in the last bit).</remarks>
public struct RmspropRule : IUpdateRule
{
    /// <summary>Hyper-parameters with defaults and ranges.</summary>
    public static IReadOnlyList<HyperParameter> Parameters { get; } =
    [
        HyperParameter.Positive("lr", 0.01, "learning rate"),
        HyperParameter.Fraction("alpha", 0.99, "smoothing constant"),
        HyperParameter.Positive("eps", 1e-8, "added to the root for stability"),
    ];

    private readonly double _lr;
    private readonly double _alpha;
    private readonly double _eps;
    private double[] _squareAverage;

    /// <summary>An update with learning rate <paramref name="lr"/>.</summary>
    public RmspropRule(double lr, double alpha, double eps)
    {
        _lr = lr;
        _alpha = alpha;
        _eps = eps;
        _squareAverage = [];
    }

    /// <inheritdoc/>
    public readonly double PlainStepSize => double.NaN;

    /// <inheritdoc/>
    public void Init(int parameterCount) => _squareAverage = new double[parameterCount];

    /// <inheritdoc/>
    public readonly void Apply<TProbe>(Span<double> theta, ReadOnlySpan<double> gradient, double loss, ref TProbe probe)
        where TProbe : struct, ILossProbe
    {
        for (int j = 0; j < theta.Length; j++)
        {
            double g = gradient[j];
            double v = _squareAverage[j] * _alpha + (1 - _alpha) * g * g;
            _squareAverage[j] = v;
            theta[j] += -_lr * g / (Math.Sqrt(v) + _eps);
        }
    }
}
