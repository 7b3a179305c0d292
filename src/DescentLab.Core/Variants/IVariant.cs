using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Tuning;

namespace DescentLab.Core.Variants;

/// <summary>A descent variant: its config key, hyper-parameters and how it trains a model.</summary>
/// <remarks>Add one by writing a file with its update rule and state, and one <see cref="RuleVariant{TRule}"/> line in <see cref="VariantCatalog"/>.</remarks>
public interface IVariant
{
    /// <summary>Config key, e.g. <c>adam</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>descentlab variants</c>.</summary>
    string Description { get; }

    /// <summary>Plot panel the variant is drawn in (<see cref="VariantFamily"/> or a name of its own).</summary>
    string Family { get; }

    /// <summary>Base colour in plots, <c>#rrggbb</c>.</summary>
    string Colour { get; }

    /// <summary>Hyper-parameters with defaults and ranges.</summary>
    IReadOnlyList<HyperParameter> Parameters { get; }

    /// <summary>The default search space of <c>tune:</c>: the hyper-parameters tuned and their ranges (empty: nothing to tune).</summary>
    IReadOnlyList<SearchDimension> Space => [];

    /// <summary>Samples per update.</summary>
    BatchMode BatchMode { get; }

    /// <summary>Default batch size when <see cref="BatchMode"/> is configurable and the config gives none; null means all samples.</summary>
    int? DefaultBatch => null;

    /// <summary>False when the variant cannot train this kind of model (closed_form without a closed form).</summary>
    bool Supports(IModelHandle model) => true;

    /// <summary>Trains <paramref name="model"/> on <paramref name="data"/>.</summary>
    TrainingResult Train<TModel>(TModel model, Dataset data, HyperParameters hyperParameters, TrainingOptions options, CancellationToken cancellationToken)
        where TModel : struct, IModel;
}
