using System.Globalization;
using DescentLab.Core.Training;
using DescentLab.Experiments.Results;

namespace DescentLab.Tests.Support;

/// <summary>Hand-made summary rows with a chosen outcome (status, final gap, epochs to target), for analysis, plot and
/// report tests that need exact values rather than trained ones.</summary>
public static class OutcomeRows
{
    /// <summary>A row of beans1 n=10, origin, mse with the given variant setting, seed and outcome.</summary>
    public static SummaryRow Row(
        string variant,
        double? lr,
        ulong seed,
        RunStatus status,
        double finalGap,
        int? epochsToTarget = null,
        int batch = 10,
        string dataset = "beans1",
        string model = "origin") => new()
        {
            RunId = string.Create(CultureInfo.InvariantCulture, $"{dataset}-n10_{model}_{variant}_lr{lr}_b{batch}_s{seed}"),
            Dataset = dataset,
            DatasetKey = string.Create(CultureInfo.InvariantCulture, $"{dataset}-n10-s{seed}"),
            Recipe = dataset,
            N = 10,
            Seed = seed,
            Model = model,
            Loss = "mse",
            Variant = variant,
            Lr = lr,
            Batch = batch,
            Shuffle = false,
            Status = status,
            Epochs = 100,
            Steps = 100,
            FinalLoss = finalGap,
            OptimumLoss = 0,
            OptimumAttained = true,
            FinalGap = finalGap,
            EpochsToTarget = epochsToTarget,
            GradEvalsToTarget = epochsToTarget * 10L,
            GradEvals = 1000,
            FinalParameters = [KeyValuePair.Create("w", 1.0)],
        };

    /// <summary>A run set around <paramref name="rows"/>: the manifest of an empty "small" run, no curves, no datasets.</summary>
    public static RunSet Set(params SummaryRow[] rows) => TestRunSets.Run(TestConfigs.Create([], [], name: "small")) with { Rows = rows };
}
