using DescentLab.Core.Metrics;
using DescentLab.Core.Training;
using DescentLab.Experiments.Results;

namespace DescentLab.Tests.Support;

/// <summary>A hand-made run set of one classification problem whose L* is an infimum (separable beans5 with logistic):
/// two seeds per setting, accuracies and losses chosen so that each ranking key decides once.</summary>
public static class InfimumRuns
{
    /// <summary>A row of beans5 n=10, logistic, mse judged as an infimum, with final loss = final gap (L* = 0).</summary>
    public static SummaryRow Row(string variant, ulong seed, double loss, double accuracy, int? epochsToTarget = null) =>
        OutcomeRows.Row(variant, 0.1, seed, epochsToTarget is null ? RunStatus.NotConverged : RunStatus.Converged, loss, epochsToTarget, dataset: "beans5", model: "logistic") with
        {
            OptimumKind = ReferenceKind.Infimum,
            OptimumAttained = false,
            Accuracy = accuracy,
        };

    /// <summary>adam reaches the accuracy target (epoch 30 and 50); momentum and batch do not, momentum with the higher
    /// accuracy, batch with the smaller loss; sgd ties momentum on accuracy with a larger loss.</summary>
    public static RunSet Set(string targets = "target_accuracy 1")
    {
        var set = OutcomeRows.Set(
            Row("batch", 1, 0.01, 0.8),
            Row("batch", 2, 0.02, 0.9),
            Row("momentum", 1, 0.2, 0.9),
            Row("momentum", 2, 0.3, 1.0),
            Row("adam", 1, 0.05, 1.0, epochsToTarget: 30),
            Row("adam", 2, 0.04, 1.0, epochsToTarget: 50),
            Row("sgd", 1, 0.4, 0.9),
            Row("sgd", 2, 0.5, 1.0));
        ProblemInfo[] problems =
        [
            new("beans5-n10-s1", "logistic", "mse", 0, false, "newton", [], ReferenceKind.Infimum, targets),
            new("beans5-n10-s2", "logistic", "mse", 0, false, "newton", [], ReferenceKind.Infimum, targets),
        ];
        return set with { Manifest = set.Manifest with { Problems = problems } };
    }
}
