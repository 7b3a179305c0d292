using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;

namespace DescentLab.Core.Variants;

/// <summary>momentum: torch.optim.SGD with momentum μ, dampening 0, nesterov off.</summary>
/// <remarks><c>buf = g</c> on the first step, then <c>buf = μ·buf + g</c>; <c>θ -= lr·buf</c>.
/// Defaults: lr 0.1, momentum 0.9. Source: PyTorch torch/optim/sgd.py.</remarks>
public sealed class Momentum : IVariant
{
    /// <inheritdoc/>
    public string Name => "momentum";

    /// <inheritdoc/>
    public string Description => "heavy-ball momentum (torch.optim.SGD, momentum 0.9): buf = mu*buf + g; theta -= lr*buf";

    /// <inheritdoc/>
    public IReadOnlyList<HyperParameter> Parameters { get; } =
    [
        HyperParameter.Positive("lr", 0.1, "learning rate"),
        HyperParameter.Fraction("momentum", 0.9, "momentum factor mu"),
    ];

    /// <inheritdoc/>
    public BatchMode BatchMode => BatchMode.Configurable;

    /// <inheritdoc/>
    public TrainingResult Train<TModel>(TModel model, Dataset data, HyperParameters hyperParameters, TrainingOptions options, CancellationToken cancellationToken)
        where TModel : struct, IModel =>
        Trainer.Run(model, data, new MomentumRule(hyperParameters["lr"], hyperParameters["momentum"], nesterov: false), options, cancellationToken);
}

/// <summary>torch.optim.SGD's momentum update (dampening 0), optionally Nesterov; state: the momentum buffer.</summary>
public struct MomentumRule : IUpdateRule
{
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
