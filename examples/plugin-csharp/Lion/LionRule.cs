using DescentLab.Core.Training;
using DescentLab.Core.Variants;

namespace Lion;

/// <summary>Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"), with decoupled weight decay.</summary>
/// <remarks><c>c = β1·m + (1 - β1)·g</c>; <c>θ = θ·(1 - lr·λ)</c>; <c>θ -= lr·sign(c)</c>; <c>m = β2·m + (1 - β2)·g</c>.
/// Defaults: lr 1e-4, beta1 0.9, beta2 0.99, weight_decay 0 (the paper's). State: the momentum m, zero at the start.</remarks>
public struct LionRule : IUpdateRule
{
    private readonly double _lr;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _weightDecay;
    private double[] _m;

    /// <summary>An update with learning rate <paramref name="lr"/>.</summary>
    public LionRule(double lr, double beta1, double beta2, double weightDecay)
    {
        _lr = lr;
        _beta1 = beta1;
        _beta2 = beta2;
        _weightDecay = weightDecay;
        _m = [];
    }

    /// <summary>Hyper-parameters with defaults and ranges.</summary>
    public static IReadOnlyList<HyperParameter> Parameters { get; } =
    [
        HyperParameter.Positive("lr", 1e-4, "learning rate"),
        HyperParameter.Fraction("beta1", 0.9, "interpolation of the update direction"),
        HyperParameter.Fraction("beta2", 0.99, "decay of the momentum"),
        new HyperParameter("weight_decay", 0, 0, true, double.PositiveInfinity, false, "decoupled weight decay lambda"),
    ];

    /// <inheritdoc/>
    public readonly double PlainStepSize => double.NaN;

    /// <inheritdoc/>
    public void Init(int parameterCount) => _m = new double[parameterCount];

    /// <inheritdoc/>
    public readonly void Apply<TProbe>(Span<double> theta, ReadOnlySpan<double> gradient, double loss, ref TProbe probe)
        where TProbe : struct, ILossProbe
    {
        for (int j = 0; j < theta.Length; j++)
        {
            double g = gradient[j];
            double c = _beta1 * _m[j] + (1 - _beta1) * g;
            theta[j] *= 1 - _lr * _weightDecay;
            theta[j] -= _lr * Math.Sign(c);
            _m[j] = _beta2 * _m[j] + (1 - _beta2) * g;
        }
    }
}
