using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;

namespace DescentLab.Core.Variants;

/// <summary>minibatch: <c>θ -= lr·g</c> over consecutive batches of <c>batch</c> samples; the last batch may be short.</summary>
/// <remarks>Defaults: lr 0.1, batch 10.</remarks>
public sealed class Minibatch : IVariant
{
    /// <inheritdoc/>
    public string Name => "minibatch";

    /// <inheritdoc/>
    public string Description => "mini-batch gradient descent: theta -= lr*g over consecutive batches (default 10 samples)";

    /// <inheritdoc/>
    public IReadOnlyList<HyperParameter> Parameters { get; } = [HyperParameter.Positive("lr", 0.1, "learning rate")];

    /// <inheritdoc/>
    public BatchMode BatchMode => BatchMode.Configurable;

    /// <inheritdoc/>
    public int? DefaultBatch => 10;

    /// <inheritdoc/>
    public TrainingResult Train<TModel>(TModel model, Dataset data, HyperParameters hyperParameters, TrainingOptions options, CancellationToken cancellationToken)
        where TModel : struct, IModel =>
        Trainer.Run(model, data, new GradientStep(hyperParameters["lr"]), options, cancellationToken);
}
