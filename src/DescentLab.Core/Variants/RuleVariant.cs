using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Tuning;

namespace DescentLab.Core.Variants;

/// <summary>A variant made of a catalog entry and an update rule: the shared <see cref="Trainer"/> runs the rule.</summary>
/// <remarks>The rule is a struct, so every (model, rule) pair gets its own specialised loop; <paramref name="create"/> runs
/// once per run. Built-ins and .NET plug-ins are made this way.</remarks>
/// <typeparam name="TRule">The update rule.</typeparam>
/// <param name="info">Name, description, family, colour, batch mode and hyper-parameters.</param>
/// <param name="create">The rule for one run's resolved hyper-parameters.</param>
public sealed class RuleVariant<TRule>(VariantInfo info, Func<HyperParameters, TRule> create) : IVariant, IRuleSource
    where TRule : struct, IUpdateRule
{
    /// <inheritdoc/>
    public string Name => info.Name;

    /// <inheritdoc/>
    public string Description => info.Description;

    /// <inheritdoc/>
    public string Family => info.Family;

    /// <inheritdoc/>
    public string Colour => info.Colour;

    /// <inheritdoc/>
    public IReadOnlyList<HyperParameter> Parameters => info.Parameters;

    /// <inheritdoc/>
    public IReadOnlyList<SearchDimension> Space => info.Space ?? [];

    /// <inheritdoc/>
    public BatchMode BatchMode => info.BatchMode;

    /// <inheritdoc/>
    public int? DefaultBatch => info.DefaultBatch;

    /// <inheritdoc/>
    public TrainingResult Train<TModel>(TModel model, Dataset data, HyperParameters hyperParameters, TrainingOptions options, CancellationToken cancellationToken)
        where TModel : struct, IModel =>
        Trainer.Run(model, data, create(hyperParameters), options, cancellationToken);

    /// <inheritdoc/>
    public IUpdateRule CreateRule(HyperParameters hyperParameters) => create(hyperParameters);
}
