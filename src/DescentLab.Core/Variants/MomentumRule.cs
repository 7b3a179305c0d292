using DescentLab.Core.Training;

namespace DescentLab.Core.Variants;

/// <summary>momentum and nesterov: torch.optim.SGD with momentum μ, dampening 0, nesterov off or on; state: the momentum buffer.</summary>
/// <remarks><c>buf = g</c> on the first step, then <c>buf = μ·buf + g</c>; <c>θ -= lr·buf</c>, or with Nesterov <c>θ -= lr·(g + μ·buf)</c>.
/// Defaults: lr 0.1, momentum 0.9. Source: PyTorch torch/optim/sgd.py.</remarks>
public struct MomentumRule : IUpdateRule
{
    /// <summary>Hyper-parameters with defaults and ranges.</summary>
    public static IReadOnlyList<HyperParameter> Parameters { get; } =
    [
        HyperParameter.Positive("lr", 0.1, "learning rate"),
        HyperParameter.Fraction("momentum", 0.9, "momentum factor mu"),
    ];

    private readonly double _lr;
    private readonly double _momentum;
    private readonly bool _nesterov;
    private double[] _buffer;
    private bool _started;

    /// <summary>An update with learning rate <paramref name="lr"/> and factor <paramref name="momentum"/>.</summary>
    public MomentumRule(double lr, double momentum, bool nesterov)
    {
        _lr = lr;
        _momentum = momentum;
        _nesterov = nesterov;
        _buffer = [];
        _started = false;
    }

    /// <inheritdoc/>
    public readonly double PlainStepSize => double.NaN;

    /// <inheritdoc/>
    public void Init(int parameterCount)
    {
        _buffer = new double[parameterCount];
        _started = false;
    }

    /// <inheritdoc/>
    public void Apply<TProbe>(Span<double> theta, ReadOnlySpan<double> gradient, double loss, ref TProbe probe)
        where TProbe : struct, ILossProbe
    {
        for (int j = 0; j < theta.Length; j++)
        {
            double g = gradient[j];
            double buf = _started ? _momentum * _buffer[j] + g : g;
            _buffer[j] = buf;
            double direction = _nesterov ? g + _momentum * buf : buf;
            theta[j] -= _lr * direction;
        }

        _started = true;
    }
}
