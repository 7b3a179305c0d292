using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config;

namespace DescentLab.Tests.Support;

/// <summary>Builds validated configs in code, for tests of the stages after config loading.</summary>
public static class TestConfigs
{
    /// <summary>A recipe dataset entry.</summary>
    public static DatasetConfig Recipe(string recipe, int n, int dimension = 1, params ModelConfig[] models) =>
        new(recipe, n, null, null, dimension, models.Length == 0 ? null : models);

    /// <summary>A model entry.</summary>
    public static ModelConfig Model(string name, LossKind loss = LossKind.Mse) => new(name, loss);

    /// <summary>A variant entry; <paramref name="sweeps"/> as (name, values...) pairs.</summary>
    public static VariantConfig Variant(string name, params (string Name, double[] Values)[] sweeps)
    {
        // As the loader resolves it: a configurable batch defaults to the variant's own, others have none.
        var variant = VariantCatalog.Find(name)!;
        IReadOnlyList<int?> batches = variant.BatchMode == BatchMode.Configurable ? [variant.DefaultBatch] : [];
        return new(name, [.. sweeps.Select(s => new KeyValuePair<string, IReadOnlyList<double>>(s.Name, s.Values))], batches, false, variant);
    }

    /// <summary>A config with the given parts and course defaults elsewhere.</summary>
    public static ExperimentConfig Create(
        IReadOnlyList<DatasetConfig> datasets,
        IReadOnlyList<VariantConfig> variants,
        IReadOnlyList<ModelConfig>? models = null,
        IReadOnlyList<ulong>? seeds = null,
        int maxEpochs = 20,
        double targetGap = 1e-6,
        RecordMode record = RecordMode.Epoch,
        string name = "test") => new()
        {
            Name = name,
            SourcePath = "/dev/null",
            SourceHash = new string('0', 64),
            Seeds = seeds ?? [1],
            Datasets = datasets,
            Models = models ?? [Model("origin")],
            Variants = variants,
            Init = new Dictionary<string, double> { ["w"] = 0.1, ["b"] = 0.0 },
            Stop = new StopConfig(MaxEpochs: maxEpochs, TargetGap: targetGap),
            Record = record,
        };
}
