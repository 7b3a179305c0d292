using DescentLab.Core.Datasets;
using DescentLab.Core.Training;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Running;
using DescentLab.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Running;

public sealed class ExperimentRunnerTests
{
    private static Dataset NoFiles(DescentLab.Experiments.Config.DatasetConfig config) => throw new AssertionException("no file datasets expected");

    private static ExperimentPlan Plan() => Planner.Create(
        TestConfigs.Create(
            datasets: [TestConfigs.Recipe("beans1", 40, 1, TestConfigs.Model("origin"), TestConfigs.Model("affine"))],
            variants:
            [
                TestConfigs.Variant("closed_form"),
                TestConfigs.Variant("sgd", ("lr", [0.1, 10.0])),
                TestConfigs.Variant("adam", ("lr", [0.05])),
                new DescentLab.Experiments.Config.VariantConfig("minibatch", [], [7], true, DescentLab.Core.Variants.VariantCatalog.Find("minibatch")!),
            ],
            seeds: [1, 2, 3]),
        null,
        NoFiles);

    [Test]
    public void Run_Parallel1AndParallel2_GiveBitIdenticalResultsInPlanOrder()
    {
        var runner = new ExperimentRunner(NullLogger<ExperimentRunner>.Instance);
        var plan = Plan();

        var one = runner.Run(plan, 1, null, CancellationToken.None);
        var two = runner.Run(plan, 2, null, CancellationToken.None);

        Assert.That(two.Select(r => r.Spec.RunId), Is.EqualTo(plan.Runs.Select(r => r.RunId)));
        for (int i = 0; i < one.Count; i++)
        {
            var a = one[i].Training!.Curve;
            var b = two[i].Training!.Curve;
            Assert.That(b.Loss.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(a.Loss.Select(BitConverter.DoubleToInt64Bits)), one[i].Spec.RunId);
            Assert.That(b.Parameters.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(a.Parameters.Select(BitConverter.DoubleToInt64Bits)), one[i].Spec.RunId);
            Assert.That(two[i].Status, Is.EqualTo(one[i].Status));
        }
    }

    [Test]
    public void Run_DivergingRun_IsRecordedAndTheOthersGoOn()
    {
        var results = new ExperimentRunner(NullLogger<ExperimentRunner>.Instance).Run(Plan(), 2, null, CancellationToken.None);

        var diverged = results.Where(r => r.Spec.RunId.Contains("_sgd_lr10_", StringComparison.Ordinal)).ToList();
        Assert.That(diverged, Has.Count.EqualTo(6));
        Assert.That(diverged.Select(r => r.Status), Is.All.EqualTo(RunStatus.Diverged));
        Assert.That(diverged.Select(r => r.Message), Is.All.Contains("exceeded diverge_factor").Or.Contains("loss became"));
        Assert.That(results.Where(r => r.Spec.Variant.Name == "closed_form").Select(r => r.Status), Is.All.EqualTo(RunStatus.Converged));
    }

    [Test]
    public void Run_RunThatThrows_BecomesAFailedResult()
    {
        var plan = Plan();
        var broken = plan.Runs[1] with { Options = plan.Runs[1].Options with { BatchSize = 0 } };
        var brokenPlan = plan with { Runs = [plan.Runs[0], broken, plan.Runs[2]] };

        var results = new ExperimentRunner(NullLogger<ExperimentRunner>.Instance).Run(brokenPlan, 2, null, CancellationToken.None);

        Assert.That(results.Select(r => r.Status), Is.EqualTo(new[] { RunStatus.Converged, RunStatus.Failed, results[2].Status }));
        Assert.That(results[1].Message, Does.Contain("Batch size 0 is outside 1..40"));
        Assert.That(results[1].Training, Is.Null);
    }

    [Test]
    public void Run_CancelledToken_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var runner = new ExperimentRunner(NullLogger<ExperimentRunner>.Instance);

        Assert.That(() => runner.Run(Plan(), 2, null, cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Run_Progress_CountsEveryRunOnce()
    {
        var reports = new List<RunProgress>();
        var progress = new SynchronousProgress<RunProgress>(reports.Add);

        var plan = Plan();
        new ExperimentRunner(NullLogger<ExperimentRunner>.Instance).Run(plan, 2, progress, CancellationToken.None);

        Assert.That(reports.Select(r => r.Completed).Order(), Is.EqualTo(Enumerable.Range(1, plan.Runs.Count)));
        Assert.That(reports.Select(r => r.Total), Is.All.EqualTo(plan.Runs.Count));
    }
}
