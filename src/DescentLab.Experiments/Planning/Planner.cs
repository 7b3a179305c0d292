using System.Diagnostics;
using System.Globalization;
using DescentLab.Core.Datasets;
using DescentLab.Core.Metrics;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Timing;

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
    /// <param name="config">The validated config.</param>
    /// <param name="shard">The shard to plan, or null for all runs.</param>
    /// <param name="readFile">Reads a file dataset.</param>
    /// <param name="parallel">How many reference solves may run at once (the run's <c>--parallel</c>); the plan is the same
    /// whatever the value.</param>
    public static ExperimentPlan Create(ExperimentConfig config, ShardSpec? shard, Func<DatasetConfig, Dataset> readFile, int parallel = 1)
    {
        var builder = new PlanBuilder(config, shard, readFile, parallel);
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

    private sealed class PlanBuilder(ExperimentConfig config, ShardSpec? shard, Func<DatasetConfig, Dataset> readFile, int parallel)
    {
        private readonly Dictionary<string, PlannedDataset> _datasets = new(StringComparer.Ordinal);
        private readonly List<PlannedDataset> _usedDatasets = [];
        private readonly Dictionary<(string Key, ModelConfig Model), int> _problemIndex = [];
        private readonly List<PlannedProblem> _problemOrder = [];
        private readonly List<PendingRun> _pending = [];
        private readonly List<ProblemInfo> _problems = [];
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
                    int batchSize = variant.BatchMode switch
                    {
                        BatchMode.One => 1,
                        BatchMode.All => dataset.Data.Count,
                        _ => Math.Min(batch ?? dataset.Data.Count, dataset.Data.Count),
                    };
                    _pending.Add(new PendingRun(
                        index, runId, dataset, seed, model, variant, hyperParameters, batchSize, variantConfig.Shuffle, Problem(dataset, datasetConfig, model, modelConfig)));
                }
            }
        }

        /// <summary>Solves every problem's L* (in parallel: each solve depends only on its data and model), then freezes the
        /// runs with their targets in plan order.</summary>
        public ExperimentPlan Build()
        {
            var optima = new Optimum[_problemOrder.Count];
            long referencesStart = Stopwatch.GetTimestamp();
            try
            {
                Parallel.For(
                    0,
                    optima.Length,
                    new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel) },
                    i => optima[i] = _problemOrder[i].Model.SolveReference(_problemOrder[i].Dataset.Data));
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
            }

            StageTimings.Record("references", referencesStart);

            var solved = new List<(Optimum Optimum, ConvergenceTargets Targets)>(optima.Length);
            for (int i = 0; i < optima.Length; i++)
            {
                solved.Add(Resolve(_problemOrder[i], optima[i]));
            }

            var runs = new List<RunSpec>(_pending.Count);
            foreach (var run in _pending)
            {
                var (optimum, targets) = solved[run.Problem];
                var options = new TrainingOptions(
                    run.Model.InitialTheta(config.Init, run.Seed),
                    run.BatchSize,
                    run.Shuffle,
                    ShuffleSeed(run.Seed),
                    config.Stop.MaxEpochs,
                    targets.Gap,
                    config.Stop.StopAtTarget,
                    config.Stop.DivergeFactor,
                    config.Record,
                    optimum.Loss,
                    targets.Loss,
                    targets.Accuracy,
                    targets.TrackAccuracy,
                    run.RunId,
                    run.Seed);
                runs.Add(new RunSpec(run.Index, run.RunId, run.Dataset, run.Seed, run.Model, run.Variant, run.HyperParameters, options, optimum));
            }

            return new(config, _usedDatasets, _problems, runs, _index, _notes, shard);
        }

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

        /// <summary>The index of the problem (dataset, model) in first-planned order, registered on first sight.</summary>
        private int Problem(PlannedDataset dataset, DatasetConfig datasetConfig, IModelHandle model, ModelConfig modelConfig)
        {
            if (!_problemIndex.TryGetValue((dataset.Key, modelConfig), out int index))
            {
                index = _problemOrder.Count;
                _problemIndex.Add((dataset.Key, modelConfig), index);
                _problemOrder.Add(new PlannedProblem(dataset, datasetConfig, model, modelConfig));
            }

            return index;
        }

        /// <summary>The targets, notes and <see cref="ProblemInfo"/> of a solved problem.</summary>
        private (Optimum Optimum, ConvergenceTargets Targets) Resolve(PlannedProblem planned, Optimum optimum)
        {
            var (dataset, datasetConfig, model, modelConfig) = planned;
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
            return (optimum, targets);
        }

        private sealed record PlannedProblem(PlannedDataset Dataset, DatasetConfig DatasetConfig, IModelHandle Model, ModelConfig ModelConfig);

        /// <summary>A planned run waiting for its problem's L*.</summary>
        private sealed record PendingRun(
            int Index,
            string RunId,
            PlannedDataset Dataset,
            ulong Seed,
            IModelHandle Model,
            IVariant Variant,
            HyperParameters HyperParameters,
            int BatchSize,
            bool Shuffle,
            int Problem);

        private void Note(string note)
        {
            if (!_notes.Contains(note))
            {
                _notes.Add(note);
            }
        }
    }
}
