using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;

namespace DescentLab.Core.Variants;

/// <summary>sgd: stochastic gradient descent, one sample at a time in data order (or reshuffled each epoch).</summary>
/// <remarks>For origin this is the course's <c>k = 2x²w - 2xy; w -= lr·k</c>. Defaults: lr 0.1. Identical to minibatch with batch 1.</remarks>
public sealed class Sgd : IVariant
{
    /// <inheritdoc/>
    public string Name => "sgd";

    /// <inheritdoc/>
    public string Description => "stochastic gradient descent: theta -= lr*g_i, one sample at a time";

    /// <inheritdoc/>
    public IReadOnlyList<HyperParameter> Parameters { get; } = [HyperParameter.Positive("lr", 0.1, "learning rate")];

    /// <inheritdoc/>
    public BatchMode BatchMode => BatchMode.One;

    /// <inheritdoc/>
    public TrainingResult Train<TModel>(TModel model, Dataset data, HyperParameters hyperParameters, TrainingOptions options, CancellationToken cancellationToken)
        where TModel : struct, IModel =>
        Trainer.Run(model, data, new GradientStep(hyperParameters["lr"]), options, cancellationToken);
}
