using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;

namespace DescentLab.Core.Variants;

/// <summary>batch: full-batch gradient descent, <c>θ -= lr·g</c> with g over all samples; one step per epoch.</summary>
/// <remarks>Defaults: lr 0.1 (the course). Identical to minibatch with batch = n.</remarks>
public sealed class Batch : IVariant
{
    /// <inheritdoc/>
    public string Name => "batch";

    /// <inheritdoc/>
    public string Description => "full-batch gradient descent: theta -= lr*g over all samples, one step per epoch";

    /// <inheritdoc/>
    public IReadOnlyList<HyperParameter> Parameters { get; } = [HyperParameter.Positive("lr", 0.1, "learning rate")];

    /// <inheritdoc/>
    public BatchMode BatchMode => BatchMode.All;

    /// <inheritdoc/>
    public TrainingResult Train<TModel>(TModel model, Dataset data, HyperParameters hyperParameters, TrainingOptions options, CancellationToken cancellationToken)
        where TModel : struct, IModel =>
        Trainer.Run(model, data, new GradientStep(hyperParameters["lr"]), options, cancellationToken);
}
