using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;

namespace DescentLab.Core.Variants;

/// <summary>rosenblatt: the perceptron-style rule <c>θ += lr·(y - ŷ)·∂ŷ/∂θ</c>, one sample at a time.</summary>
/// <remarks>For the squared error g = 2(ŷ - y)∂ŷ/∂θ, so this is <c>θ -= (lr/2)·g</c>: half the SGD step (SPEC §6).
/// With cross-entropy it is likewise half the SGD step on that loss. Defaults: lr 0.1.</remarks>
public sealed class Rosenblatt : IVariant
{
    /// <inheritdoc/>
    public string Name => "rosenblatt";

    /// <inheritdoc/>
    public string Description => "Rosenblatt's rule: theta += lr*(y - yhat)*dyhat/dtheta per sample (half the SGD step)";

    /// <inheritdoc/>
    public IReadOnlyList<HyperParameter> Parameters { get; } = [HyperParameter.Positive("lr", 0.1, "learning rate")];

    /// <inheritdoc/>
    public BatchMode BatchMode => BatchMode.One;

    /// <inheritdoc/>
    public TrainingResult Train<TModel>(TModel model, Dataset data, HyperParameters hyperParameters, TrainingOptions options, CancellationToken cancellationToken)
        where TModel : struct, IModel =>
        Trainer.Run(model, data, new GradientStep(0.5 * hyperParameters["lr"]), options, cancellationToken);
}
