using System.Globalization;
using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Results;

namespace DescentLab.Tests.Support;

/// <summary>Summary rows made by really training with Core, for tests that need true numbers without the runner.</summary>
/// <remarks>Run ids are built here (<c>recipe-nN-sSEED/model/variant-lrLR</c>) and depend only on the settings, not on
/// max_epochs, so runs with fewer epochs match their baseline rows.</remarks>
public static class TrainedSummaries
{
    /// <summary>One row per seed: <paramref name="variant"/> with learning rate <paramref name="lr"/> on
    /// <paramref name="model"/> (mse) over <paramref name="recipe"/> data.</summary>
    public static IReadOnlyList<SummaryRow> Train(
        string recipe, int n, IReadOnlyList<ulong> seeds, string model, string variant, double lr, int maxEpochs, double targetGap)
    {
        var rows = new List<SummaryRow>();
        foreach (ulong seed in seeds)
        {
            var data = RecipeCatalog.Find(recipe)!.Generate(n, seed);
            var handle = ModelCatalog.Find(model)!.Create(data.Dimension, LossKind.Mse);
            var rule = VariantCatalog.Find(variant)!;
            var optimum = handle.SolveReference(data);
            int batch = rule.BatchMode == BatchMode.One ? 1 : n;
            double[] theta = [.. handle.ParameterNames.Select(name => name == "b" ? 0.0 : 0.1)];
            var options = new TrainingOptions(theta, batch, false, seed, maxEpochs, targetGap, false, 1e6, RecordMode.Epoch, optimum.Loss);
            var hyper = HyperParameters.Resolve(rule, new Dictionary<string, double> { ["lr"] = lr });
            var result = handle.Train(rule, data, hyper, options, CancellationToken.None);
            string key = $"{recipe}-n{n}-s{seed}";
            rows.Add(new SummaryRow
            {
                RunId = $"{key}/{model}/{variant}-lr{lr.ToString("R", CultureInfo.InvariantCulture)}",
                Dataset = recipe,
                DatasetKey = key,
                Recipe = recipe,
                N = n,
                Seed = seed,
                Model = model,
                Loss = "mse",
                Variant = variant,
                Lr = lr,
                Batch = batch,
                Shuffle = false,
                Status = result.Status,
                Epochs = result.Epochs,
                Steps = result.Steps,
                FinalLoss = result.FinalLoss,
                OptimumLoss = optimum.Loss,
                OptimumAttained = optimum.Attained,
                FinalGap = result.FinalGap,
                EpochsToTarget = result.EpochsToTarget,
                GradEvalsToTarget = result.GradEvalsToTarget,
                GradEvals = result.GradEvals,
                FinalParameters = [.. handle.ParameterNames.Select((name, i) => new KeyValuePair<string, double>(name, result.FinalTheta[i]))],
                Message = result.Message,
            });
        }

        return rows;
    }
}
