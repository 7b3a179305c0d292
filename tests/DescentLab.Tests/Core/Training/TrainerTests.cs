using DescentLab.Core.Datasets;
using DescentLab.Core.Training;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Training;

/// <summary>The epoch loop: recording, stop rules, divergence, validation and cancellation.</summary>
public sealed class TrainerTests
{
    [Test]
    public void Sgd_LearningRateTen_DivergesWithAMessageAndNoException()
    {
        var data = RecipeCatalog.Find("beans1")!.Generate(100, 1);

        var result = CoreRuns.Train("sgd", CoreRuns.Model("origin"), data, CoreRuns.Options(1, 1, 100), 10);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(RunStatus.Diverged));
            Assert.That(result.Message, Does.Contain("diverge_factor").And.Contain("epoch 1"));
            Assert.That(result.Epochs, Is.EqualTo(1));
            Assert.That(result.Curve.Count, Is.EqualTo(2));
            Assert.That(result.FinalLoss, Is.GreaterThan(1e6 * result.Curve.Loss[0]));
        });
    }

    [Test]
    public void Batch_LossOverflows_DivergesAsNonFinite()
    {
        // With no diverge factor, only the non-finite check can stop the run.
        var data = RecipeCatalog.Find("beans1")!.Generate(100, 1);
        var options = CoreRuns.Options(1, 100, 5000, divergeFactor: double.PositiveInfinity);

        var result = CoreRuns.Train("batch", CoreRuns.Model("origin"), data, options, 100);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(RunStatus.Diverged));
            Assert.That(result.Message, Does.StartWith("loss became Infinity").Or.StartWith("loss became NaN"));
            Assert.That(double.IsFinite(result.FinalLoss), Is.False);
            Assert.That(result.Epochs, Is.LessThan(5000));
        });
    }

    [TestCase(10, 3, 4)]
    [TestCase(10, 1, 2)]
    [TestCase(10, 10, 3)]
    [TestCase(7, 2, 3)]
    public void StepRecording_RowsAreOnePlusEpochsTimesUpdates_WithTheirEpoch(int n, int batch, int epochs)
    {
        var data = RecipeCatalog.Find("beans2")!.Generate(n, 2);
        var options = CoreRuns.Options(2, batch, epochs, record: RecordMode.Step);
        int updates = (n + batch - 1) / batch;

        var result = CoreRuns.Train("minibatch", CoreRuns.Model("affine"), data, options, 0.01);

        var curve = result.Curve;
        var expectedEpoch = new int[1 + epochs * updates];
        for (int row = 1; row < expectedEpoch.Length; row++)
        {
            expectedEpoch[row] = (row - 1) / updates + 1;
        }

        Assert.Multiple(() =>
        {
            Assert.That(curve.Count, Is.EqualTo(1 + epochs * updates));
            Assert.That(options.CurveCapacity(n), Is.EqualTo(curve.Count));
            Assert.That(curve.Epoch, Is.EqualTo(expectedEpoch));
            Assert.That(curve.Step, Is.EqualTo(Enumerable.Range(0, curve.Count).Select(s => (long)s)));
            Assert.That(result.Steps, Is.EqualTo(epochs * updates));
            Assert.That(result.GradEvals, Is.EqualTo(epochs * n));
            Assert.That(result.Epochs, Is.EqualTo(epochs));
        });
    }

    [Test]
    public void EpochRecording_RowsAreOnePlusEpochs_StepsCountUpdates()
    {
        var data = RecipeCatalog.Find("beans2")!.Generate(10, 2);

        var result = CoreRuns.Train("minibatch", CoreRuns.Model("affine"), data, CoreRuns.Options(2, 3, 6), 0.01);

        Assert.Multiple(() =>
        {
            Assert.That(result.Curve.Epoch, Is.EqualTo(new[] { 0, 1, 2, 3, 4, 5, 6 }));
            Assert.That(result.Curve.Step, Is.EqualTo(new long[] { 0, 4, 8, 12, 16, 20, 24 }));
            Assert.That(result.GradEvals, Is.EqualTo(60));
        });
    }

    [Test]
    public void Curve_Rows_HoldFullDataLossGapAndGradientNorm()
    {
        var data = CoreRuns.ThreeBeans();
        var model = CoreRuns.Model("affine");
        var options = CoreRuns.Options(2, 3, 3, optimumLoss: 0.005);

        var curve = CoreRuns.Train("batch", model, data, options, 0.1).Curve;

        for (int row = 0; row < curve.Count; row++)
        {
            var theta = curve.ParametersAt(row).ToArray();
            double w = theta[0], b = theta[1];
            double gw = 0, gb = 0;
            for (int i = 0; i < 3; i++)
            {
                double r = w * data.X1[i] + b - data.Y[i];
                gw += 2 * r * data.X1[i] / 3;
                gb += 2 * r / 3;
            }

            Assert.Multiple(() =>
            {
                Assert.That(curve.Loss[row], Is.EqualTo(model.Loss(data, theta)));
                Assert.That(curve.Gap[row], Is.EqualTo(curve.Loss[row] - 0.005));
                Assert.That(curve.GradNorm[row], Is.EqualTo(Math.Sqrt(gw * gw + gb * gb)).Within(1e-14));
            });
        }

        Assert.That(curve.ParametersAt(0).ToArray(), Is.EqualTo(new[] { 0.1, 0.0 }));
    }

    [Test]
    public void StopAtTarget_StopsAtTheFirstEpochWithinTheTarget()
    {
        var data = RecipeCatalog.Find("beans1")!.Generate(100, 1);
        var model = CoreRuns.Model("origin");
        double optimum = model.SolveReference(data).Loss;
        var free = CoreRuns.Train("batch", model, data, CoreRuns.Options(1, 100, 200, optimumLoss: optimum, targetGap: 1e-6), 0.5);
        var stopping = CoreRuns.Train("batch", model, data, CoreRuns.Options(1, 100, 200, optimumLoss: optimum, targetGap: 1e-6, stopAtTarget: true), 0.5);

        int first = Array.FindIndex(free.Curve.Gap, g => g <= 1e-6);
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.GreaterThan(0));
            Assert.That(free.Status, Is.EqualTo(RunStatus.Converged));
            Assert.That(free.Epochs, Is.EqualTo(200));
            Assert.That(free.EpochsToTarget, Is.EqualTo(first));
            Assert.That(free.GradEvalsToTarget, Is.EqualTo(first * 100L));
            Assert.That(stopping.Status, Is.EqualTo(RunStatus.Converged));
            Assert.That(stopping.Epochs, Is.EqualTo(first));
            Assert.That(stopping.Curve.Count, Is.EqualTo(first + 1));
            Assert.That(stopping.FinalGap, Is.EqualTo(free.Curve.Gap[first]));
        });
    }

    [Test]
    public void NoOptimumKnown_NeverConverges()
    {
        var result = CoreRuns.Train("batch", CoreRuns.Model("origin"), CoreRuns.ThreeBeans(), CoreRuns.Options(1, 3, 5), 0.1);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(RunStatus.NotConverged));
            Assert.That(result.EpochsToTarget, Is.Null);
            Assert.That(result.Message, Is.Empty);
            Assert.That(result.FinalTheta, Is.EqualTo(result.Curve.ParametersAt(5).ToArray()));
        });
    }

    [Test]
    public void ZeroEpochs_RecordsOnlyTheInitialState()
    {
        var result = CoreRuns.Train("adam", CoreRuns.Model("affine"), CoreRuns.ThreeBeans(), CoreRuns.Options(2, 3, 0));

        Assert.Multiple(() =>
        {
            Assert.That(result.Curve.Count, Is.EqualTo(1));
            Assert.That(result.Epochs, Is.EqualTo(0));
            Assert.That(result.FinalTheta, Is.EqualTo(new[] { 0.1, 0.0 }));
        });
    }

    [TestCase("sgd", 1)]
    [TestCase("batch", 100)]
    [TestCase("adam", 10)]
    [TestCase("closed_form", 100)]
    public void CancelledToken_ThrowsOperationCanceled(string variant, int batch)
    {
        var data = RecipeCatalog.Find("beans1")!.Generate(100, 1);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(
            () => CoreRuns.Train(variant, CoreRuns.Model("origin"), data, CoreRuns.Options(1, batch, 10), cancellationToken: cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void InvalidOptions_AreRejectedWithAClearMessage()
    {
        var data = CoreRuns.ThreeBeans();
        var origin = CoreRuns.Model("origin");

        Assert.Multiple(() =>
        {
            Assert.That(() => CoreRuns.Train("minibatch", origin, data, CoreRuns.Options(1, 0, 1)), Throws.ArgumentException.With.Message.Contains("Batch size 0 is outside 1..3"));
            Assert.That(() => CoreRuns.Train("minibatch", origin, data, CoreRuns.Options(1, 4, 1)), Throws.ArgumentException.With.Message.Contains("Batch size 4"));
            Assert.That(() => CoreRuns.Train("batch", origin, data, CoreRuns.Options(2, 3, 1)), Throws.ArgumentException.With.Message.Contains("1 parameters but 2"));
            Assert.That(() => CoreRuns.Train("batch", origin, data, CoreRuns.Options(1, 3, -1)), Throws.ArgumentException.With.Message.Contains("max_epochs"));
            Assert.That(() => CoreRuns.Train("batch", origin, CoreRuns.OneD([], []), CoreRuns.Options(1, 1, 1)), Throws.ArgumentException.With.Message.Contains("no samples"));
        });
    }

    [Test]
    public void ClosedForm_CurveIsInitialRowThenTheSolution()
    {
        var data = CoreRuns.ThreeBeans();
        var model = CoreRuns.Model("affine");
        var optimum = model.SolveReference(data);

        var result = CoreRuns.Train("closed_form", model, data, CoreRuns.Options(2, 3, 100, optimumLoss: optimum.Loss, targetGap: 1e-12));

        Assert.Multiple(() =>
        {
            Assert.That(result.Curve.Count, Is.EqualTo(2));
            Assert.That(result.Curve.ParametersAt(0).ToArray(), Is.EqualTo(new[] { 0.1, 0.0 }));
            Assert.That(result.Curve.ParametersAt(1).ToArray(), Is.EqualTo(optimum.Theta));
            Assert.That(result.Curve.Epoch, Is.EqualTo(new[] { 0, 1 }));
            Assert.That(result.Status, Is.EqualTo(RunStatus.Converged));
            Assert.That(result.FinalGap, Is.EqualTo(0.0));
            Assert.That(result.Steps, Is.EqualTo(1));
            Assert.That(result.GradEvals, Is.EqualTo(3));
        });
    }

    [Test]
    public void ClosedForm_AllXEqual_FailsWithAMessage()
    {
        var data = CoreRuns.OneD([2.0, 2.0, 2.0], [1.0, 2.0, 3.0]);

        var result = CoreRuns.Train("closed_form", CoreRuns.Model("affine"), data, CoreRuns.Options(2, 3, 1));

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(result.Message, Does.Contain("singular"));
            Assert.That(result.Curve.Count, Is.EqualTo(1));
        });
    }

    [TestCase("sgd", 1)]
    [TestCase("minibatch", 10)]
    [TestCase("adam", 100)]
    [TestCase("line_search", 100)]
    [TestCase("momentum", 7)]
    public void Epochs_AllocateNothingBeyondTheirCurveRows(string variant, int batch)
    {
        // Style §6: no allocation inside the epoch loop. Two runs that differ by 100 epochs may differ in allocated bytes by
        // exactly the 100 curve rows reserved up front (epoch int, step long, loss, gap, grad norm, 2 parameters); a single
        // allocation per epoch (a boxed value, a closure, a string) would add at least 24 B × 100.
        var data = RecipeCatalog.Find("beans2")!.Generate(100, 1);
        var model = CoreRuns.Model("affine");
        CoreRuns.Train(variant, model, data, CoreRuns.Options(2, batch, 3));

        long one = AllocatedBy(() => CoreRuns.Train(variant, model, data, CoreRuns.Options(2, batch, 1)));
        long many = AllocatedBy(() => CoreRuns.Train(variant, model, data, CoreRuns.Options(2, batch, 101)));

        const int RowBytes = sizeof(int) + sizeof(long) + 3 * sizeof(double) + 2 * sizeof(double);
        Assert.That(many - one, Is.InRange(100 * RowBytes - 8, 100 * RowBytes + 8));
    }

    private static long AllocatedBy(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
