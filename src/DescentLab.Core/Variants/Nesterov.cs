using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;

namespace DescentLab.Core.Variants;

/// <summary>nesterov: torch.optim.SGD with momentum μ, dampening 0, nesterov on.</summary>
/// <remarks><c>buf = g</c> on the first step, then <c>buf = μ·buf + g</c>; <c>θ -= lr·(g + μ·buf)</c>.
/// Defaults: lr 0.1, momentum 0.9. Source: PyTorch torch/optim/sgd.py.</remarks>
public sealed class Nesterov : IVariant
{
    /// <inheritdoc/>
    public string Name => "nesterov";

    /// <inheritdoc/>
    public string Description => "Nesterov momentum (torch.optim.SGD nesterov=True): theta -= lr*(g + mu*buf)";

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
        Trainer.Run(model, data, new MomentumRule(hyperParameters["lr"], hyperParameters["momentum"], nesterov: true), options, cancellationToken);
}
