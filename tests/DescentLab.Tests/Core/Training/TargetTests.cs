using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Training;

/// <summary>Which targets decide "converged" in the trainer: every target set must be met, none set never converges,
/// and accuracy is recorded for classification curves only.</summary>
public sealed class TargetTests
{
    // Two samples x = -1, 1. From w = 0.1, b = 0 the logistic model predicts class 0 then 1.
    private static readonly double[] X = [-1, 1];

    [Test]
    public void TargetAccuracy_MetAtTheStart_ConvergesAtEpochZeroAndStops()
    {
        var data = CoreRuns.OneD(X, [0, 1]);
        var options = Options(targetGap: double.NaN, targetAccuracy: 1, stopAtTarget: true);

        var result = Train(data, options);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(RunStatus.Converged));
            Assert.That(result.EpochsToTarget, Is.Zero);
            Assert.That(result.Epochs, Is.Zero);
            Assert.That(result.Curve.Accuracy, Is.EqualTo(new[] { 1.0 }));
        });
    }

    [Test]
    public void TargetAccuracy_SwappedLabels_MetAfterTheFirstStep()
    {
        // Labels 1, 0: both wrong at w = 0.1 (accuracy 0). The cross-entropy gradient is mean((p - y) x) =
        // ((s(-0.1) - 1)(-1) + s(0.1)) / 2 = s(0.1) ~ 0.525 for w and (s(-0.1) - 1 + s(0.1)) / 2 = 0 for b, so one step
        // of lr 1 gives w ~ -0.425, b = 0: both right (accuracy 1).
        var data = CoreRuns.OneD(X, [1, 0]);
        var options = Options(targetGap: double.NaN, targetAccuracy: 1, maxEpochs: 3);

        var result = Train(data, options);

        Assert.Multiple(() =>
        {
            Assert.That(result.Curve.Accuracy, Is.EqualTo(new[] { 0.0, 1.0, 1.0, 1.0 }));
            Assert.That(result.Curve.Parameters[2], Is.EqualTo(0.1 - (1 / (1 + Math.Exp(-0.1)))).Within(1e-15));
            Assert.That(result.EpochsToTarget, Is.EqualTo(1));
            Assert.That(result.GradEvalsToTarget, Is.EqualTo(2));
            Assert.That(result.FinalAccuracy, Is.EqualTo(1.0));
        });
    }

    [Test]
    public void EveryTargetSet_MustBeMet()
    {
        // Accuracy 1 from the start, but a gap of 1e-6 to an L* of -1 is out of reach: not converged. Without the gap
        // target the same run converges at once; with a loss target of 0.5 it converges when the loss (0.644 at the
        // start: -ln s(0.1)) falls below 0.5.
        var data = CoreRuns.OneD(X, [0, 1]);

        var gapAndAccuracy = Train(data, Options(targetGap: 1e-6, targetAccuracy: 1, optimumLoss: -1));
        var accuracyOnly = Train(data, Options(targetGap: double.NaN, targetAccuracy: 1, optimumLoss: -1));
        var lossAndAccuracy = Train(data, Options(targetGap: double.NaN, targetAccuracy: 1, targetLoss: 0.5));

        Assert.Multiple(() =>
        {
            Assert.That(gapAndAccuracy.Status, Is.EqualTo(RunStatus.NotConverged));
            Assert.That(accuracyOnly.EpochsToTarget, Is.Zero);
            Assert.That(lossAndAccuracy.Curve.Loss[0], Is.EqualTo(-Math.Log(1 / (1 + Math.Exp(-0.1)))).Within(1e-15));
            int first = Array.FindIndex(lossAndAccuracy.Curve.Loss, l => l <= 0.5);
            Assert.That(first, Is.Positive);
            Assert.That(lossAndAccuracy.EpochsToTarget, Is.EqualTo(lossAndAccuracy.Curve.Epoch[first]));
        });
    }

    [TestCase(11, RunStatus.LostTarget)]
    [TestCase(12, RunStatus.Converged)]
    public void FinalState_DecidesConverged_FirstHitStaysTheRuntime(int maxEpochs, RunStatus expected)
    {
        // y = 0.96 x on one sample, fixed steps of 0.1 from w = 0: w = 0.1, 0.2, ..., 1.0 at epoch 10 (gap ∝ 0.04² =
        // 0.0016 ≤ target 0.0017, with or without the ½ of the loss), then 0.9 (gap ∝ 0.06² = 0.0036, outside), 1.0, 0.9, …
        // Ending on an odd epoch ends outside the target: reached, then lost; an even one ends inside it: converged.
        var options = CoreRuns.Options(1, 1, maxEpochs, optimumLoss: 0, targetGap: 0.0017, init: [0.0]);

        var result = CoreRuns.Train("fixed_step", CoreRuns.Model("origin"), CoreRuns.OneD([1.0], [0.96]), options, new Dictionary<string, double> { ["step"] = 0.1 });

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(expected));
            Assert.That(result.EpochsToTarget, Is.EqualTo(10), "the first hit");
            Assert.That(result.FinalTheta[0], Is.EqualTo(maxEpochs % 2 == 1 ? 0.9 : 1.0).Within(1e-12));
        });
    }

    [Test]
    public void NoTargetSet_NeverConverges()
    {
        var result = Train(CoreRuns.OneD(X, [0, 1]), Options(targetGap: double.NaN, optimumLoss: 0));

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(RunStatus.NotConverged));
            Assert.That(result.EpochsToTarget, Is.Null);
        });
    }

    [Test]
    public void RegressionRun_HasNoAccuracyColumn()
    {
        var result = CoreRuns.Train("batch", CoreRuns.Model("origin"), CoreRuns.ThreeBeans(), CoreRuns.Options(1, 3, 2), 0.1);

        Assert.Multiple(() =>
        {
            Assert.That(result.Curve.Accuracy, Is.Null);
            Assert.That(result.FinalAccuracy, Is.NaN);
        });
    }

    private static TrainingResult Train(global::DescentLab.Core.Datasets.Dataset data, TrainingOptions options) =>
        CoreRuns.Train("batch", CoreRuns.Model("logistic", 1, LossKind.CrossEntropy), data, options, 1);

    private static TrainingOptions Options(
        double targetGap,
        double targetAccuracy = double.NaN,
        double targetLoss = double.NaN,
        double optimumLoss = 0,
        bool stopAtTarget = false,
        int maxEpochs = 50) => CoreRuns.Options(2, 2, maxEpochs, optimumLoss: optimumLoss, targetGap: targetGap, stopAtTarget: stopAtTarget) with
        {
            TargetLoss = targetLoss,
            TargetAccuracy = targetAccuracy,
            TrackAccuracy = true,
        };
}
