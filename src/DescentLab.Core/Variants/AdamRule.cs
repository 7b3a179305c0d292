using DescentLab.Core.Training;

namespace DescentLab.Core.Variants;

/// <summary>adam: torch.optim.Adam (no weight decay, no amsgrad). The Adam update; state: step count and the two moment vectors.</summary>
/// <remarks>t += 1; <c>m += (1 - β1)·(g - m)</c> (torch's lerp); <c>v = β2·v + (1 - β2)·g²</c>;
/// <c>θ -= (lr / (1 - β1^t))·m / (√v / √(1 - β2^t) + eps)</c>. Defaults: lr 0.001, beta1 0.9, beta2 0.999, eps 1e-8.
/// Source: PyTorch torch/optim/adam.py; the operations follow its single-tensor path in order (<c>lerp_</c>, <c>addcmul_</c>
/// rounding <c>((1 - β2)·g)·g</c>, <c>addcdiv_</c> rounding <c>(-step_size·m) / denom</c>), so float64 results round as torch's do (checked
/// against the transcription in tests/.../Variants/ReferenceUpdates.py; a torch build that fuses multiply-adds may differ in the last bit).</remarks>
public struct AdamRule : IUpdateRule
{
    /// <summary>Hyper-parameters with defaults and ranges.</summary>
    public static IReadOnlyList<HyperParameter> Parameters { get; } =
    [
        HyperParameter.Positive("lr", 0.001, "learning rate"),
        HyperParameter.Fraction("beta1", 0.9, "decay of the first moment"),
        HyperParameter.Fraction("beta2", 0.999, "decay of the second moment"),
        HyperParameter.Positive("eps", 1e-8, "added to the root for stability"),
    ];

    private readonly double _lr;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _eps;
    private double[] _m;
    private double[] _v;
    private int _t;

    /// <summary>An update with learning rate <paramref name="lr"/>.</summary>
    public AdamRule(double lr, double beta1, double beta2, double eps)
    {
        _lr = lr;
        _beta1 = beta1;
        _beta2 = beta2;
        _eps = eps;
        _m = [];
        _v = [];
        _t = 0;
    }

    /// <inheritdoc/>
    public readonly double PlainStepSize => double.NaN;

    /// <inheritdoc/>
    public void Init(int parameterCount)
    {
        _m = new double[parameterCount];
        _v = new double[parameterCount];
        _t = 0;
    }

    /// <inheritdoc/>
    public void Apply<TProbe>(Span<double> theta, ReadOnlySpan<double> gradient, double loss, ref TProbe probe)
        where TProbe : struct, ILossProbe
    {
        _t++;
        double stepSize = _lr / (1 - Math.Pow(_beta1, _t));
        double correction2Sqrt = Math.Sqrt(1 - Math.Pow(_beta2, _t));
        for (int j = 0; j < theta.Length; j++)
        {
            double g = gradient[j];
            double m = Lerp(_m[j], g, 1 - _beta1);
            double v = _v[j] * _beta2 + (1 - _beta2) * g * g;
            _m[j] = m;
            _v[j] = v;
            theta[j] += -stepSize * m / (Math.Sqrt(v) / correction2Sqrt + _eps);
        }
    }

    /// <summary>torch.lerp's formula: exact at both ends, and the same rounding as torch for every weight.</summary>
    private static double Lerp(double start, double end, double weight) =>
        Math.Abs(weight) < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight);
}
