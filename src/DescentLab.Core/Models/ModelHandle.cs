using DescentLab.Core.Datasets;
using DescentLab.Core.Metrics;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;

namespace DescentLab.Core.Models;

/// <summary>Wraps a model struct so callers choose the generic instantiation once per run.</summary>
public sealed class ModelHandle<TModel> : IModelHandle
    where TModel : struct, IModel
{
    private readonly TModel _model;

    /// <summary>A handle for <paramref name="model"/>.</summary>
    public ModelHandle(string name, LossKind loss, int inputDimension, TModel model)
    {
        Name = name;
        LossKind = loss;
        InputDimension = inputDimension;
        _model = model;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public LossKind LossKind { get; }

    /// <inheritdoc/>
    public int InputDimension { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> ParameterNames => _model.ParameterNames;

    /// <inheritdoc/>
    public bool HasClosedForm => _model.HasClosedForm;

    /// <inheritdoc/>
    public double[] InitialTheta(IReadOnlyDictionary<string, double> init, ulong seed) => ParameterInit.Create(_model, init, seed);

    /// <inheritdoc/>
    public double Predict(ReadOnlySpan<double> theta, double x1, double x2) => _model.Predict(theta, x1, x2);

    /// <inheritdoc/>
    double IModelHandle.Loss(Dataset data, ReadOnlySpan<double> theta) => _model.Loss(data.Samples, 0, data.Count, theta);

    /// <inheritdoc/>
    public double Accuracy(Dataset data, ReadOnlySpan<double> theta) => Metrics.Accuracy.Of(_model, data.Samples, theta);

    /// <inheritdoc/>
    public Optimum SolveReference(Dataset data) => ReferenceSolver.Solve(_model, data.Samples);

    /// <inheritdoc/>
    public TrainingResult Train(IVariant variant, Dataset data, HyperParameters hyperParameters, TrainingOptions options, CancellationToken cancellationToken)
    {
        if (data.Dimension != InputDimension)
        {
            throw new ArgumentException($"Model {Name} takes {InputDimension}-D inputs but the data are {data.Dimension}-D.", nameof(data));
        }

        return variant.Train(_model, data, hyperParameters, options, cancellationToken);
    }
}
