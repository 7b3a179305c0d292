using System.Diagnostics;
using System.Globalization;
using DescentLab.Core.Datasets;
using DescentLab.Core.Metrics;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Scheduling;
using DescentLab.Experiments.Timing;

namespace DescentLab.Experiments.Planning;

/// <summary>Collects a plan's runs, generating each dataset and registering each problem once, then solves every
/// problem's L* and freezes the runs.</summary>
internal sealed class PlanBuilder(ExperimentConfig config, ShardSpec? shard, Func<DatasetConfig, Dataset> readFile, int parallel)
{
    // From this many samples on (0.5 ms of SHA-256) a dataset's content hash is worth a thread of its own.
    private const int BackgroundHashMinimum = 1 << 17;

    private readonly Dictionary<string, PlannedDataset> _datasets = new(StringComparer.Ordinal);
    private readonly List<PlannedDataset> _usedDatasets = [];
    private readonly Dictionary<(string Key, ModelConfig Model), int> _problemIndex = [];
    private readonly List<PlannedProblem> _problemOrder = [];
    private readonly List<PendingRun> _pending = [];
    private readonly List<ProblemInfo> _problems = [];
    private readonly HashSet<string> _runIds = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];
    private int _index;

    /// <summary>Runs in the whole matrix so far (each shard counts every run).</summary>
    public int Count => _index;

    /// <summary>Makes the matrix at least <paramref name="total"/> runs long (room for runs planned later).</summary>
    public void Reserve(int total) => _index = Math.Max(_index, total);

    /// <summary>Plans every sweep combination × batch of one variant entry on one dataset, seed and model.</summary>
    public void AddRuns(DatasetConfig datasetConfig, ulong seed, ModelConfig modelConfig, VariantConfig variantConfig)
    {
        if (Model(datasetConfig, modelConfig, variantConfig.Variant) is not { } model)
        {
            return;
        }

        foreach (var combination in Planner.Combinations(variantConfig.Sweeps))
        {
            foreach (int? batch in VariantBatches.Of(variantConfig.Variant, variantConfig))
            {
                string runId = RunId(datasetConfig, modelConfig, variantConfig, combination, batch, seed, string.Empty);
                if (!_runIds.Add(runId))
                {
                    Note($"Duplicate run {runId} planned once.");
                    continue;
                }

                int index = _index++;
                Add(datasetConfig, seed, modelConfig, variantConfig, model, combination, batch, runId, index, shard is null || shard.Includes(index), null, null);
            }
        }
    }

    /// <summary>The model of <paramref name="modelConfig"/> for a dataset, or null (noted) when the variant cannot train it.</summary>
    public IModelHandle? Model(DatasetConfig datasetConfig, ModelConfig modelConfig, IVariant variant)
    {
        var definition = ModelCatalog.Find(modelConfig.Name)
            ?? throw new InvalidOperationException($"Unknown model '{modelConfig.Name}' passed validation.");
        var model = definition.Create(datasetConfig.Dimension, modelConfig.Loss, modelConfig.Hidden);
        if (!variant.Supports(model))
        {
            Note($"{variant.Name} skipped for model {model.Name}: it has no closed form.");
            return null;
        }

        return model;
    }

    /// <summary>The run id of one run; <paramref name="tag"/> (e.g. <c>_t3</c>) goes between the setting and the seed.</summary>
    public static string RunId(DatasetConfig datasetConfig, ModelConfig modelConfig, VariantConfig variantConfig, IReadOnlyList<KeyValuePair<string, double>> combination, int? batch, ulong seed, string tag)
    {
        // Only a configurable batch belongs in the id; sgd's 1 and batch's n are implied by the variant.
        int? idBatch = variantConfig.Variant.BatchMode == BatchMode.Configurable ? batch : null;
        string id = RunIds.Create(datasetConfig.Name, datasetConfig.N, modelConfig, variantConfig.Variant.Name, combination, idBatch, variantConfig.Shuffle, seed);
        int cut = id.LastIndexOf("_s", StringComparison.Ordinal);
        return id[..cut] + tag + id[cut..];
    }

    /// <summary>Plans one run at plan index <paramref name="index"/>; only an <paramref name="included"/> one is built.</summary>
    public void Add(
        DatasetConfig datasetConfig,
        ulong seed,
        ModelConfig modelConfig,
        VariantConfig variantConfig,
        IModelHandle model,
        IReadOnlyList<KeyValuePair<string, double>> combination,
        int? batch,
        string runId,
        int index,
        bool included,
        int? trial,
        string? phase)
    {
        _index = Math.Max(_index, index + 1);
        if (!included)
        {
            return;
        }

        var variant = variantConfig.Variant;
        var hyperParameters = HyperParameters.Resolve(variant, combination.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        var dataset = Dataset(datasetConfig, seed);
        int batchSize = variant.BatchMode switch
        {
            BatchMode.One => 1,
            BatchMode.All => dataset.Data.Count,
            _ => Math.Min(batch ?? dataset.Data.Count, dataset.Data.Count),
        };
        _pending.Add(new PendingRun(
            index, runId, dataset, seed, model, variant, hyperParameters, batchSize, variantConfig.Shuffle, Problem(dataset, datasetConfig, model, modelConfig), trial, phase));
    }

    /// <summary>Solves every problem's L* (in parallel: each solve depends only on its data and model), then freezes the
    /// runs with their targets in plan order.</summary>
    public ExperimentPlan Build(TunePlan? tuning = null)
    {
        var optima = new Optimum[_problemOrder.Count];
        long referencesStart = Stopwatch.GetTimestamp();
        try
        {
            OneAtATime.For(
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
                Planner.ShuffleSeed(run.Seed),
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
            runs.Add(new RunSpec(run.Index, run.RunId, run.Dataset, run.Seed, run.Model, run.Variant, run.HyperParameters, options, optimum) { Trial = run.Trial, Phase = run.Phase });
        }

        runs.Sort((a, b) => a.Index.CompareTo(b.Index));
        return new(config, _usedDatasets, _problems, runs, _index, _notes, shard) { Tuning = tuning };
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
        int Problem,
        int? Trial,
        string? Phase);

    /// <summary>Adds <paramref name="note"/> to the plan's notes once.</summary>
    public void Note(string note)
    {
        if (!_notes.Contains(note))
        {
            _notes.Add(note);
        }
    }
}
