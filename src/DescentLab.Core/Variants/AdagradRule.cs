using DescentLab.Core.Training;

namespace DescentLab.Core.Variants;

/// <summary>adagrad: torch.optim.Adagrad (lr_decay 0, initial accumulator 0). The Adagrad update; state: the running sum of squared gradients.</summary>
/// <remarks><c>sum += g²</c>; <c>θ -= lr·g / (√sum + eps)</c>. Defaults: lr 0.01, eps 1e-10. Source: PyTorch torch/optim/adagrad.py;
/// the operations follow its single-tensor path in order (<c>addcdiv_</c> rounds <c>(-lr·g) / std</c>), so float64 results round
/// as torch's do (checked against the transcription in tests/.../Variants/ReferenceUpdates.py; a torch build that fuses multiply-adds may
/// differ in the last bit).</remarks>
public struct AdagradRule : IUpdateRule
{
    /// <summary>Hyper-parameters with defaults and ranges.</summary>
    public static IReadOnlyList<HyperParameter> Parameters { get; } =
    [
        HyperParameter.Positive("lr", 0.01, "learning rate"),
        HyperParameter.Positive("eps", 1e-10, "added to the root for stability"),
    ];

    private readonly double _lr;
    private readonly double _eps;
    private double[] _sum;

    /// <summary>An update with learning rate <paramref name="lr"/>.</summary>
    public AdagradRule(double lr, double eps)
    {
        _lr = lr;
        _eps = eps;
        _sum = [];
    }

    /// <inheritdoc/>
    public readonly double PlainStepSize => double.NaN;

    /// <inheritdoc/>
    public void Init(int parameterCount) => _sum = new double[parameterCount];

    /// <inheritdoc/>
    public readonly void Apply<TProbe>(Span<double> theta, ReadOnlySpan<double> gradient, double loss, ref TProbe probe)
        where TProbe : struct, ILossProbe
    {
        for (int j = 0; j < theta.Length; j++)
        {
            double g = gradient[j];
            _sum[j] += g * g;
            theta[j] += -_lr * g / (Math.Sqrt(_sum[j]) + _eps);
        }
    }
}
