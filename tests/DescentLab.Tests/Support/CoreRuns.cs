using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;

namespace DescentLab.Tests.Support;

/// <summary>Builds datasets and options and trains through the catalogs, the way the runner does.</summary>
public static class CoreRuns
{
    /// <summary>The 3-sample dataset of the hand-computed updates: x = [1, 2, 3], y = [1.2, 2.5, 3.5].</summary>
    public static Dataset ThreeBeans() => OneD([1.0, 2.0, 3.0], [1.2, 2.5, 3.5]);

    /// <summary>A 1-D dataset from literal columns.</summary>
    public static Dataset OneD(double[] x, double[] y) => Dataset.Create("test", null, null, null, x, null, y);

    /// <summary>A 2-D dataset from literal columns.</summary>
    public static Dataset TwoD(double[] x1, double[] x2, double[] y) => Dataset.Create("test", null, null, null, x1, x2, y);

    /// <summary>Options with the course's defaults (init w = 0.1, b = 0) and no early stop.</summary>
    public static TrainingOptions Options(
        int parameterCount,
        int batch,
        int maxEpochs,
        RecordMode record = RecordMode.Epoch,
        bool shuffle = false,
        ulong shuffleSeed = 0,
        double optimumLoss = double.NaN,
        double targetGap = 1e-6,
        bool stopAtTarget = false,
        double divergeFactor = 1e6,
        double[]? init = null)
    {
        var theta = init ?? new double[parameterCount];
        if (init is null)
        {
            theta[0] = 0.1;
        }

        return new TrainingOptions(theta, batch, shuffle, shuffleSeed, maxEpochs, targetGap, stopAtTarget, divergeFactor, record, optimumLoss);
    }

    /// <summary>A model handle from the catalog (mse unless said otherwise).</summary>
    public static IModelHandle Model(string name, int dimension = 1, LossKind loss = LossKind.Mse) =>
        (ModelCatalog.Find(name) ?? throw new ArgumentException($"no model {name}")).Create(dimension, loss);

    /// <summary>A variant from the catalog.</summary>
    public static IVariant Variant(string name) => VariantCatalog.Find(name) ?? throw new ArgumentException($"no variant {name}");

    /// <summary>Trains <paramref name="variant"/> on <paramref name="model"/> through the catalogs and the real trainer.</summary>
    public static TrainingResult Train(
        string variant,
        IModelHandle model,
        Dataset data,
        TrainingOptions options,
        IReadOnlyDictionary<string, double>? hyperParameters = null,
        CancellationToken cancellationToken = default)
    {
        var v = Variant(variant);
        var resolved = HyperParameters.Resolve(v, hyperParameters ?? new Dictionary<string, double>());
        return model.Train(v, data, resolved, options, cancellationToken);
    }

    /// <summary>Trains with a single learning rate.</summary>
    public static TrainingResult Train(string variant, IModelHandle model, Dataset data, TrainingOptions options, double lr) =>
        Train(variant, model, data, options, new Dictionary<string, double> { ["lr"] = lr });
}
