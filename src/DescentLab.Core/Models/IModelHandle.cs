using DescentLab.Core.Datasets;
using DescentLab.Core.Metrics;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;

namespace DescentLab.Core.Models;

/// <summary>A configured model seen from outside the hot loops: one virtual call per run, not per sample.</summary>
public interface IModelHandle
{
    /// <summary>Key of the configured model, e.g. <c>logistic</c> or <c>mlp-h3</c> (see <see cref="ModelCatalog.Key"/>).</summary>
    string Name { get; }

    /// <summary>The loss it minimises.</summary>
    LossKind LossKind { get; }

    /// <summary>Input dimension it was built for.</summary>
    int InputDimension { get; }

    /// <summary>Names of θ's entries.</summary>
    IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Whether the normal equation applies.</summary>
    bool HasClosedForm { get; }

    /// <summary>The starting θ of a run with <paramref name="seed"/> (see <see cref="IModel.Initialize"/>).</summary>
    double[] InitialTheta(IReadOnlyDictionary<string, double> init, ulong seed);

    /// <summary>Model output for one input.</summary>
    double Predict(ReadOnlySpan<double> theta, double x1, double x2);

    /// <summary>Mean loss over all of <paramref name="data"/>.</summary>
    double Loss(Dataset data, ReadOnlySpan<double> theta);

    /// <summary>Accuracy at <paramref name="theta"/> over all of <paramref name="data"/> (see <see cref="Metrics.Accuracy"/>).</summary>
    double Accuracy(Dataset data, ReadOnlySpan<double> theta);

    /// <summary>L* of <paramref name="data"/> for this model.</summary>
    Optimum SolveReference(Dataset data);

    /// <summary>Runs <paramref name="variant"/> on this model, specialised for its struct type.</summary>
    TrainingResult Train(IVariant variant, Dataset data, HyperParameters hyperParameters, TrainingOptions options, CancellationToken cancellationToken);
}
