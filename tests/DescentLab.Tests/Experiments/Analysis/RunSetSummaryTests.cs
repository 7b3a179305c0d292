using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Analysis;

public sealed class RunSetSummaryTests
{
    [Test]
    public void From_CountsStatusesProblemsSettings_WallTimeFromManifest()
    {
        var set = OutcomeRows.Set(
            OutcomeRows.Row("sgd", 0.1, 1, RunStatus.Converged, 0, epochsToTarget: 3, batch: 1),
            OutcomeRows.Row("sgd", 0.1, 2, RunStatus.Diverged, double.NaN, batch: 1),
            OutcomeRows.Row("batch", 0.1, 1, RunStatus.NotConverged, 1),
            OutcomeRows.Row("batch", 0.1, 1, RunStatus.Failed, double.NaN, model: "affine"));

        var summary = RunSetSummary.From(set);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Runs, Is.EqualTo(4));
            Assert.That((summary.Converged, summary.NotConverged, summary.Diverged, summary.Failed), Is.EqualTo((1, 1, 1, 1)));
            Assert.That(summary.Problems, Is.EqualTo(2));
            Assert.That(summary.Settings, Is.EqualTo(2));
            Assert.That(summary.WallTime, Is.EqualTo(TimeSpan.FromSeconds(3.5)));
        });
    }
}
