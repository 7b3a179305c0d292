using DescentLab.Core.Metrics;
using DescentLab.Core.Models;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Planning;

/// <summary>Which targets decide "converged" for each reference kind (docs/judgments.md), and that a good setting
/// converges on the separable beans5.</summary>
public sealed class ConvergenceTargetsTests
{
    private static readonly DatasetConfig Data = TestConfigs.Recipe("beans5", 100, 2);

    private static IEnumerable<TestCaseData> Cases()
    {
        var stop = new StopConfig();
        var withLoss = new StopConfig(TargetLoss: 0.3);
        var withAccuracy = new StopConfig(TargetAccuracy: 0.9);
        yield return Case("exact regression: target_gap alone", ReferenceKind.Exact, false, stop, Data, (1e-6, double.NaN, double.NaN, false));
        yield return Case("exact classification: gap and accuracy", ReferenceKind.Exact, true, withAccuracy, Data, (1e-6, double.NaN, 0.9, true));
        yield return Case("best_known: dataset loss overrides stop", ReferenceKind.BestKnown, true, withLoss, Data with { TargetLoss = 0.2 }, (1e-6, 0.2, double.NaN, true));
        yield return Case("regression ignores target_accuracy", ReferenceKind.Exact, false, withAccuracy, Data, (1e-6, double.NaN, double.NaN, false));
        yield return Case("infimum, nothing set: reference accuracy", ReferenceKind.Infimum, true, stop, Data, (double.NaN, double.NaN, 0.97, true));
        yield return Case("infimum, loss set: loss only, no gap", ReferenceKind.Infimum, true, withLoss, Data, (double.NaN, 0.3, double.NaN, true));
        yield return Case("infimum, dataset accuracy", ReferenceKind.Infimum, true, stop, Data with { TargetAccuracy = 0.95 }, (double.NaN, double.NaN, 0.95, true));
        yield return Case("infimum regression, nothing set: no target", ReferenceKind.Infimum, false, stop, Data, (double.NaN, double.NaN, double.NaN, false));
    }

    [TestCaseSource(nameof(Cases))]
    public void Resolve_PerKind(ReferenceKind kind, bool classification, StopConfig stop, DatasetConfig dataset, (double Gap, double Loss, double Accuracy, bool Track) expected)
    {
        var targets = ConvergenceTargets.Resolve(kind, classification, stop, dataset, referenceAccuracy: 0.97);

        Assert.That((targets.Gap, targets.Loss, targets.Accuracy, targets.TrackAccuracy), Is.EqualTo(expected));
    }

    [Test]
    public void Describe_NamesTheDecidingTargets()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new ConvergenceTargets(1e-6, double.NaN, 1, true).Describe(), Is.EqualTo("target_gap 1E-06, target_accuracy 1"));
            Assert.That(new ConvergenceTargets(double.NaN, double.NaN, double.NaN, false).Describe(), Is.EqualTo("none"));
        });
    }

    [Test]
    public void SeparableBeans5_GoodSetting_ConvergesOnEverySeed()
    {
        // Whatever kind the solver gives beans5 (infimum on separable classes), full-batch lr 50 on cross-entropy reaches
        // the deciding target within 1000 epochs on every seed.
        var config = TestConfigs.Create(
            [Data],
            [TestConfigs.Variant("batch", ("lr", [50]))],
            models: [TestConfigs.Model("logistic", LossKind.CrossEntropy)],
            seeds: [1, 2, 3, 4, 5],
            maxEpochs: 1000);

        var set = TestRunSets.Run(config);

        Assert.Multiple(() =>
        {
            Assert.That(set.Rows.Select(r => r.Status.ToString()), Has.All.EqualTo("Converged"));
            Assert.That(set.Rows.Select(r => r.Accuracy), Has.All.Not.Null);
            Assert.That(set.Manifest.Problems.Select(p => p.Kind), Has.All.Not.Null);
        });
    }

    private static TestCaseData Case(
        string name,
        ReferenceKind kind,
        bool classification,
        StopConfig stop,
        DatasetConfig dataset,
        (double, double, double, bool) expected) =>
        new TestCaseData(kind, classification, stop, dataset, expected).SetName("Resolve: " + name);
}
