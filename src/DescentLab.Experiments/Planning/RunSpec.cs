using DescentLab.Core.Metrics;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;

namespace DescentLab.Experiments.Planning;

/// <summary>One frozen run of the plan: everything needed to train and to describe it.</summary>
/// <param name="Index">Position in the full (unsharded) plan.</param>
/// <param name="RunId">Readable, stable id (see <see cref="RunIds"/>).</param>
/// <param name="Dataset">The dataset instance.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Model">The model handle.</param>
/// <param name="Variant">The variant.</param>
/// <param name="HyperParameters">Resolved hyper-parameters.</param>
/// <param name="Options">Batch, shuffle, init, stop rules, record mode and L*.</param>
/// <param name="Optimum">The reference optimum of this dataset and model.</param>
public sealed record RunSpec(
    int Index,
    string RunId,
    PlannedDataset Dataset,
    ulong Seed,
    IModelHandle Model,
    IVariant Variant,
    HyperParameters HyperParameters,
    TrainingOptions Options,
    Optimum Optimum)
{
    /// <summary>Under <c>tune</c>: the 0-based trial whose setting the run has; null otherwise.</summary>
    public int? Trial { get; init; }

    /// <summary>Under <c>tune</c>: <see cref="Results.TrialPhase.Tune"/> or <see cref="Results.TrialPhase.Eval"/>; null otherwise.</summary>
    public string? Phase { get; init; }
}
