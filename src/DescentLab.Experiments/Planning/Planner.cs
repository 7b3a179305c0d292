using System.Globalization;
using DescentLab.Core.Datasets;
using DescentLab.Core.Metrics;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Planning;

/// <summary>Expands a validated config into the frozen run matrix.</summary>
/// <remarks>Order: datasets (config order) × seeds × models × variants (config order) × hyper-parameter sweeps (first key
/// outermost) × batches. Runs with a run_id already planned are dropped with a note. Datasets are generated and L* solved
/// only for runs that the shard includes.</remarks>
public static class Planner
{
    // Keeps the shuffle stream apart from the dataset stream of the same seed ("SHUFFLE!" in ASCII).
    private const ulong ShuffleSalt = 0x53485546464C4521UL;

    // From this many samples on (0.5 ms of SHA-256) a dataset's content hash is worth a thread of its own.
    private const int BackgroundHashMinimum = 1 << 17;

    /// <summary>Plans <paramref name="config"/>, reading file datasets with <paramref name="readFile"/>.</summary>
    public static ExperimentPlan Create(ExperimentConfig config, ShardSpec? shard, Func<DatasetConfig, Dataset> readFile)
    {
        var builder = new PlanBuilder(config, shard, readFile);
        foreach (var datasetConfig in config.Datasets)
        {
            foreach (ulong seed in config.Seeds)
            {
                foreach (var modelConfig in datasetConfig.Models ?? config.Models)
                {
                    foreach (var variantConfig in config.Variants)
                    {
                        builder.AddRuns(datasetConfig, seed, modelConfig, variantConfig);
                    }
                }
            }
        }

        return builder.Build();
    }

    /// <summary>The seed of the per-epoch reshuffle for a run seed.</summary>
    public static ulong ShuffleSeed(ulong seed) => seed ^ ShuffleSalt;

    /// <summary>Every combination of the swept values, first key outermost.</summary>
    public static IReadOnlyList<IReadOnlyList<KeyValuePair<string, double>>> Combinations(IReadOnlyList<KeyValuePair<string, IReadOnlyList<double>>> sweeps)
    {
        IReadOnlyList<IReadOnlyList<KeyValuePair<string, double>>> result = [[]];
        foreach (var (name, values) in sweeps)
        {
            var next = new List<IReadOnlyList<KeyValuePair<string, double>>>(result.Count * values.Count);
            foreach (var prefix in result)
            {
                foreach (double value in values)
                {
                    next.Add([.. prefix, new KeyValuePair<string, double>(name, value)]);
                }
            }

            result = next;
        }

        return result;
    }

    private sealed class PlanBuilder(ExperimentConfig config, ShardSpec? shard, Func<DatasetConfig, Dataset> readFile)
    {
        private readonly Dictionary<string, PlannedDataset> _datasets = new(StringComparer.Ordinal);
        private readonly List<PlannedDataset> _usedDatasets = [];
        private readonly Dictionary<(string Key, ModelConfig Model), (Optimum Optimum, ConvergenceTargets Targets)> _optima = [];
        private readonly List<ProblemInfo> _problems = [];
        private readonly List<RunSpec> _runs = [];
        private readonly HashSet<string> _runIds = new(StringComparer.Ordinal);
        private readonly List<string> _notes = [];
        private int _index;

        public void AddRuns(DatasetConfig datasetConfig, ulong seed, ModelConfig modelConfig, VariantConfig variantConfig)
        {
            var variant = variantConfig.Variant;
            var definition = ModelCatalog.Find(modelConfig.Name)
                ?? throw new InvalidOperationException($"Unknown model '{modelConfig.Name}' passed validation.");
            var model = definition.Create(datasetConfig.Dimension, modelConfig.Loss, modelConfig.Hidden);
            if (!variant.Supports(model))
            {
                Note($"{variant.Name} skipped for model {model.Name}: it has no closed form.");
                return;
            }

            int n = datasetConfig.N;
            foreach (var combination in Combinations(variantConfig.Sweeps))
            {
                var hyperParameters = HyperParameters.Resolve(variant, combination.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
                foreach (int? batch in VariantBatches.Of(variant, variantConfig))
                {
                    // Only a configurable batch belongs in the id; sgd's 1 and batch's n are implied by the variant.
                    int? idBatch = variant.BatchMode == BatchMode.Configurable ? batch : null;
                    string runId = RunIds.Create(datasetConfig.Name, n, modelConfig, variant.Name, combination, idBatch, variantConfig.Shuffle, seed);
                    if (!_runIds.Add(runId))
                    {
                        Note($"Duplicate run {runId} planned once.");
                        continue;
                    }

                    int index = _index++;
                    if (shard is not null && !shard.Includes(index))
                    {
                        continue;
                    }

                    var dataset = Dataset(datasetConfig, seed);
                    var (optimum, targets) = Optimum(dataset, datasetConfig, model, modelConfig);
                    int batchSize = variant.BatchMode switch
                    {
                        BatchMode.One => 1,
                        BatchMode.All => dataset.Data.Count,
                        _ => Math.Min(batch ?? dataset.Data.Count, dataset.Data.Count),
                    };
                    var options = new TrainingOptions(
                        model.InitialTheta(config.Init, seed),
                        batchSize,
                        variantConfig.Shuffle,
                        ShuffleSeed(seed),
                        config.Stop.MaxEpochs,
                        targets.Gap,
                        config.Stop.StopAtTarget,
                        config.Stop.DivergeFactor,
                        config.Record,
                        optimum.Loss,
                        targets.Loss,
                        targets.Accuracy,
                        targets.TrackAccuracy,
                        runId,
                        seed);
                    _runs.Add(new RunSpec(index, runId, dataset, seed, model, variant, hyperParameters, options, optimum));
                }
            }
        }

        public ExperimentPlan Build() => new(config, _usedDatasets, _problems, _runs, _index, _notes, shard);

        private PlannedDataset Dataset(DatasetConfig datasetConfig, ulong seed)
        {
            string key = datasetConfig.Recipe is { } recipe
                ? string.Create(CultureInfo.InvariantCulture, $"{recipe}-n{datasetConfig.N}-s{seed}")
                : string.Create(CultureInfo.InvariantCulture, $"{RunIds.Sanitize(datasetConfig.Name)}-n{datasetConfig.N}");
            if (!_datasets.TryGetValue(key, out var planned))
            {
                var data = datasetConfig.Recipe is { } name
                    ? RecipeCatalog.Find(name)!.Generate(datasetConfig.N, seed)
                    : readFile(datasetConfig);
                if (data.Count >= BackgroundHashMinimum)
                {
                    // Only the results need the content hash: it is computed on another thread while the reference
                    // solve and the runs already use the samples (Dataset.Identity waits for it).
                    _ = Task.Run(() => data.Identity);
                }

                planned = new PlannedDataset(key, data);
                _datasets.Add(key, planned);
                _usedDatasets.Add(planned);
            }

            return planned;
        }

        private (Optimum Optimum, ConvergenceTargets Targets) Optimum(
            PlannedDataset dataset,
            DatasetConfig datasetConfig,
            IModelHandle model,
            ModelConfig modelConfig)
        {
            if (!_optima.TryGetValue((dataset.Key, modelConfig), out var problem))
            {
                var optimum = model.SolveReference(dataset.Data);
                // A model that can take cross-entropy outputs a probability; with 0/1 labels it is a classifier.
                bool classification = ModelCatalog.Find(modelConfig.Name)!.Losses.Contains(LossKind.CrossEntropy)
                    && Accuracy.HasBinaryLabels(dataset.Data.Samples);
                // An infimum's θ is a direction: its accuracy is that of the step function the model sharpens into.
                var accuracyAt = optimum.Limit ?? optimum.Theta;
                double referenceAccuracy = classification ? model.Accuracy(dataset.Data, accuracyAt) : double.NaN;
                var targets = ConvergenceTargets.Resolve(optimum.Kind, classification, config.Stop, datasetConfig, referenceAccuracy);
                if (!classification && (datasetConfig.TargetAccuracy ?? config.Stop.TargetAccuracy) is not null)
                {
                    Note($"target_accuracy does not apply to {datasetConfig.Name}/{model.Name}: not a classification problem (a probability output and 0/1 labels).");
                }

                problem = (optimum, targets);
                _optima.Add((dataset.Key, modelConfig), problem);
                _problems.Add(new ProblemInfo(
                    dataset.Key,
                    model.Name,
                    LossNames.ToKey(model.LossKind),
                    optimum.Loss,
                    optimum.Attained,
                    optimum.Method,
                    [.. model.ParameterNames.Select((name, j) => new KeyValuePair<string, double>(name, optimum.Theta[j]))],
                    optimum.Kind,
                    targets.Describe()));
            }

            return problem;
        }

        private void Note(string note)
        {
            if (!_notes.Contains(note))
            {
                _notes.Add(note);
            }
        }
    }
}
