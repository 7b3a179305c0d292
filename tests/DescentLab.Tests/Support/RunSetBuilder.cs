using System.Globalization;
using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Results;

namespace DescentLab.Tests.Support;

/// <summary>Builds a <see cref="RunSet"/> from real Core training runs, filling rows, curves and manifest by hand
/// (the way the runner will), so report and plot tests need no planner.</summary>
public sealed class RunSetBuilder
{
    private readonly List<(string Recipe, int N, string Model, LossKind Loss)> _problems = [];
    private readonly List<(string Variant, double? Lr, int? Batch)> _settings = [];
    private IReadOnlyList<ulong> _seeds = [1, 2];
    private int _maxEpochs = 60;
    private double _targetGap = 1e-6;

    /// <summary>Seeds to run every problem with.</summary>
    public RunSetBuilder Seeds(params ulong[] seeds)
    {
        _seeds = seeds;
        return this;
    }

    /// <summary>Epoch cap and convergence target.</summary>
    public RunSetBuilder Stop(int maxEpochs, double targetGap)
    {
        _maxEpochs = maxEpochs;
        _targetGap = targetGap;
        return this;
    }

    /// <summary>Adds a dataset × model problem.</summary>
    public RunSetBuilder Problem(string recipe, int n, string model, LossKind loss = LossKind.Mse)
    {
        _problems.Add((recipe, n, model, loss));
        return this;
    }

    /// <summary>Adds a variant setting (null lr: the variant's default or none; null batch: the variant's own).</summary>
    public RunSetBuilder Variant(string variant, double? lr = null, int? batch = null)
    {
        _settings.Add((variant, lr, batch));
        return this;
    }

    /// <summary>Trains every problem × setting × seed and assembles the run set.</summary>
    public RunSet Build(RegressionReport? regression = null, IReadOnlyList<TrendPoint>? trend = null)
    {
        var rows = new List<SummaryRow>();
        var curves = new Dictionary<string, Curve>(StringComparer.Ordinal);
        var datasets = new Dictionary<string, Dataset>(StringComparer.Ordinal);
        var datasetInfos = new List<DatasetInfo>();
        var problemInfos = new List<ProblemInfo>();
        var notes = new List<string>();
        foreach (var (recipe, n, modelName, loss) in _problems)
        {
            foreach (ulong seed in _seeds)
            {
                string key = string.Create(CultureInfo.InvariantCulture, $"{recipe}-n{n}-s{seed}");
                if (!datasets.TryGetValue(key, out var data))
                {
                    data = RecipeCatalog.Find(recipe)!.Generate(n, seed);
                    datasets.Add(key, data);
                    datasetInfos.Add(new DatasetInfo(key, data.Identity));
                }

                var model = ModelCatalog.Find(modelName)!.Create(data.Dimension, loss);
                var optimum = model.SolveReference(data);
                string lossKey = loss == LossKind.Mse ? "mse" : "cross_entropy";
                problemInfos.Add(new ProblemInfo(
                    key, modelName, lossKey, optimum.Loss, optimum.Attained, optimum.Method,
                    model.ParameterNames.Select((name, j) => KeyValuePair.Create(name, optimum.Theta[j])).ToList()));
                foreach (var (variantName, lr, batch) in _settings)
                {
                    var variant = VariantCatalog.Find(variantName)!;
                    if (!variant.Supports(model))
                    {
                        string note = $"{variantName} skipped for {modelName}: the model has no closed form";
                        if (!notes.Contains(note))
                        {
                            notes.Add(note);
                        }

                        continue;
                    }

                    var (row, curve) = Train(key, data, model, optimum.Loss, optimum.Attained, variant, lr, batch, seed, lossKey);
                    rows.Add(row);
                    curves.Add(row.RunId, curve);
                }
            }
        }

        return new RunSet
        {
            Manifest = Manifest(datasetInfos, problemInfos, notes),
            Rows = rows,
            Curves = curves,
            Datasets = datasets,
            Regression = regression,
            Trend = trend ?? [],
        };
    }

    private (SummaryRow Row, Curve Curve) Train(
        string datasetKey, Dataset data, IModelHandle model, double optimumLoss, bool attained, IVariant variant, double? lr, int? batch, ulong seed, string lossKey)
    {
        var given = new Dictionary<string, double>(StringComparer.Ordinal);
        if (lr is double rate)
        {
            given["lr"] = rate;
        }

        var hyper = HyperParameters.Resolve(variant, given);
        int batchSize = variant.BatchMode switch
        {
            BatchMode.One => 1,
            BatchMode.All => data.Count,
            _ => batch ?? variant.DefaultBatch ?? data.Count,
        };
        var theta = model.ParameterNames.Select(name => name == "b" ? 0.0 : 0.1).ToArray();
        var options = new TrainingOptions(theta, batchSize, false, seed, _maxEpochs, _targetGap, false, 1e6, RecordMode.Epoch, optimumLoss);
        var result = model.Train(variant, data, hyper, options, CancellationToken.None);
        double? usedLr = hyper.Values.TryGetValue("lr", out double l) ? l : null;
        string runId = string.Create(
            CultureInfo.InvariantCulture,
            $"{data.Identity.Name}-n{data.Count}_{model.Name}_{variant.Name}{(usedLr is null ? "" : $"_lr{usedLr:R}")}{(batch is null ? "" : $"_b{batchSize}")}_s{seed}");
        var row = new SummaryRow
        {
            RunId = runId,
            Dataset = data.Identity.Name,
            DatasetKey = datasetKey,
            Recipe = data.Identity.Recipe,
            N = data.Count,
            Seed = seed,
            Model = model.Name,
            Loss = lossKey,
            Variant = variant.Name,
            Lr = usedLr,
            Batch = batchSize,
            Shuffle = false,
            Status = result.Status,
            Epochs = result.Epochs,
            Steps = result.Steps,
            FinalLoss = result.FinalLoss,
            OptimumLoss = optimumLoss,
            OptimumAttained = attained,
            FinalGap = result.FinalGap,
            EpochsToTarget = result.EpochsToTarget,
            GradEvalsToTarget = result.GradEvalsToTarget,
            GradEvals = result.GradEvals,
            FinalParameters = model.ParameterNames.Select((name, j) => KeyValuePair.Create(name, result.FinalTheta[j])).ToList(),
            Message = result.Message,
            WallMs = 1,
        };
        return (row, result.Curve);
    }

    private RunManifest Manifest(List<DatasetInfo> datasets, List<ProblemInfo> problems, List<string> notes) => new()
    {
        Name = "small",
        ConfigPath = "configs/small.yaml",
        ConfigHash = "5f2b3c0d9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c",
        ResolvedConfig = "{\n  \"name\": \"small\",\n  \"seeds\": [1, 2],\n  \"note\": \"pipes | and ``` fences survive\"\n}",
        Command = "descentlab run configs/small.yaml --parallel 2",
        GitCommit = "0123456789abcdef0123456789abcdef01234567",
        Versions = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["DescentLab"] = "0.1.0", ["ScottPlot"] = "5.1.59" },
        Machine = new MachineInfo("Debian GNU/Linux 12", ".NET 10.0.0", 2, "X64"),
        Seeds = _seeds,
        StartedUtc = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
        FinishedUtc = new DateTimeOffset(2025, 1, 2, 3, 4, 8, 500, TimeSpan.Zero),
        Parallel = 2,
        Complete = true,
        Datasets = datasets,
        Problems = problems,
        Notes = notes,
    };
}
