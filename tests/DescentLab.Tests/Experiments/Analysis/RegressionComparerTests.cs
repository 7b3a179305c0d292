using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Analysis;

public sealed class RegressionComparerTests
{
    private static readonly RegressionConfig Strict = new("baselines/nightly.csv");

    [Test]
    public void Compare_IdenticalRows_FindsNothing()
    {
        var report = RegressionComparer.Compare(AwkwardRuns.Rows(), AwkwardRuns.Rows(), Strict, "baselines/nightly.csv");

        Assert.That(report.HasRegressions, Is.False);
        Assert.That(report.Regressions, Is.Empty);
        Assert.That(report.Improvements, Is.Empty);
        Assert.That(report.NewRuns, Is.Empty);
        Assert.That(report.MissingRuns, Is.Empty);
        Assert.That(report.Unchanged, Is.EqualTo(4));
        Assert.That(report.BaselineSource, Is.EqualTo("baselines/nightly.csv"));
    }

    // baseline gap 1.0, gap_rel_tol 1e-3 (tolerance 1e-3), gap_abs_tol 1e-12.
    [TestCase(1.0009, 0)]
    [TestCase(1.0011, 1)]
    [TestCase(0.9991, 0)]
    [TestCase(0.9989, -1)]
    public void Compare_GapNearTheRelativeTolerance_RespectsIt(double current, int expected)
    {
        var config = Strict with { GapRelTol = 1e-3, GapAbsTol = 1e-12 };

        var report = CompareOne(Row(gap: 1.0), Row(gap: current), config);

        Assert.That(Direction(report, "final_gap"), Is.EqualTo(expected));
    }

    // Exactly representable: baseline 1, tolerance 0.25, so 1.25 sits on the tolerance and is still accepted.
    [TestCase(1.25, 0)]
    [TestCase(1.2500000000000002, 1)]
    [TestCase(0.75, 0)]
    [TestCase(0.7499999999999999, -1)]
    public void Compare_GapExactlyOnTheTolerance_IsNotAChange(double current, int expected)
    {
        var report = CompareOne(Row(gap: 1.0), Row(gap: current), Strict with { GapRelTol = 0.25 });

        Assert.That(Direction(report, "final_gap"), Is.EqualTo(expected));
    }

    // baseline gap 1e-15: the relative tolerance (1e-24) is below the absolute floor 1e-6, which decides.
    [TestCase(9e-7, 0)]
    [TestCase(1.1e-6, 1)]
    [TestCase(-9e-7, 0)]
    [TestCase(-1.1e-6, -1)]
    public void Compare_GapNearTheAbsoluteFloor_RespectsIt(double current, int expected)
    {
        var config = Strict with { GapRelTol = 1e-9, GapAbsTol = 1e-6 };

        var report = CompareOne(Row(gap: 1e-15), Row(gap: current), config);

        Assert.That(Direction(report, "final_gap"), Is.EqualTo(expected));
    }

    [TestCase(10, 12, 0, "")]
    [TestCase(10, 13, 1, "+3")]
    [TestCase(10, 8, 0, "")]
    [TestCase(10, 7, -1, "-3")]
    [TestCase(10, null, 1, "no longer reached")]
    [TestCase(null, 5, -1, "now reached")]
    [TestCase(null, null, 0, "")]
    public void Compare_EpochsToTarget_RespectsEpochsTol(int? baseline, int? current, int expected, string change)
    {
        var config = Strict with { EpochsTol = 2 };

        var report = CompareOne(Row(epochs: baseline), Row(epochs: current), config);

        Assert.That(Direction(report, "epochs_to_target"), Is.EqualTo(expected));
        Assert.That(Findings(report).Where(f => f.Metric == "epochs_to_target").Select(f => f.Change), Is.EqualTo(expected == 0 ? Array.Empty<string>() : new[] { change }));
    }

    [Test]
    public void Compare_EpochsGrowingAtAllWithZeroTolerance_IsARegression()
    {
        var report = CompareOne(Row(epochs: 10), Row(epochs: 11), Strict);

        Assert.That(report.Regressions, Is.EqualTo(new[] { new RegressionFinding("run", "epochs_to_target", "10", "11", "+1") }));
    }

    private static IEnumerable<TestCaseData> StatusPairs()
    {
        var order = new[] { RunStatus.Converged, RunStatus.NotConverged, RunStatus.Diverged, RunStatus.Failed };
        for (int b = 0; b < order.Length; b++)
        {
            for (int c = 0; c < order.Length; c++)
            {
                yield return new TestCaseData(order[b], order[c], c.CompareTo(b)).SetName($"Compare_Status_{order[b]}To{order[c]}");
            }
        }
    }

    [TestCaseSource(nameof(StatusPairs))]
    public void Compare_StatusChange_FollowsTheSeverityOrder(RunStatus baseline, RunStatus current, int expected)
    {
        var report = CompareOne(Row(status: baseline), Row(status: current), Strict);

        Assert.That(Direction(report, "status"), Is.EqualTo(expected));
        if (expected != 0)
        {
            Assert.That(Findings(report).Single().Change, Is.EqualTo($"{baseline.ToKey()} -> {current.ToKey()}"));
        }
    }

    [Test]
    public void Compare_NewAndMissingRuns_AreListedInOrderAndNotCompared()
    {
        var baseline = new[] { Row("a"), Row("gone1"), Row("b"), Row("gone2") };
        var current = new[] { Row("new1"), Row("b", gap: 5), Row("a"), Row("new2") };

        var report = RegressionComparer.Compare(baseline, current, Strict, "base");

        Assert.That(report.NewRuns, Is.EqualTo(new[] { "new1", "new2" }));
        Assert.That(report.MissingRuns, Is.EqualTo(new[] { "gone1", "gone2" }));
        Assert.That(report.Regressions.Select(f => f.RunId), Is.EqualTo(new[] { "b" }));
        Assert.That(report.Unchanged, Is.EqualTo(1));
    }

    [Test]
    public void Compare_ImprovementsAndRegressions_AreSeparateAndInCurrentOrder()
    {
        var baseline = new[] { Row("a", gap: 0.8), Row("b", gap: 0.8), Row("c", gap: 0.8, status: RunStatus.Diverged) };
        var current = new[] { Row("c", gap: 0.9, status: RunStatus.Converged), Row("b", gap: 0.4), Row("a", gap: 0.9) };

        var report = RegressionComparer.Compare(baseline, current, Strict, "base");

        Assert.That(report.Regressions, Is.EqualTo(new[]
        {
            new RegressionFinding("c", "final_gap", "0.8", "0.9", "+12.5 %"),
            new RegressionFinding("a", "final_gap", "0.8", "0.9", "+12.5 %"),
        }));
        Assert.That(report.Improvements, Is.EqualTo(new[]
        {
            new RegressionFinding("c", "status", "diverged", "converged", "diverged -> converged"),
            new RegressionFinding("b", "final_gap", "0.8", "0.4", "-50 %"),
        }));
        Assert.That(report.Unchanged, Is.Zero);
    }

    [TestCase(0.5, double.NaN, 1, "n/a")]
    [TestCase(double.NaN, 0.5, -1, "n/a")]
    [TestCase(double.NaN, double.NaN, 0, "")]
    [TestCase(0.5, double.PositiveInfinity, 1, "n/a")]
    [TestCase(double.PositiveInfinity, 0.5, -1, "n/a")]
    [TestCase(double.PositiveInfinity, double.PositiveInfinity, 0, "")]
    [TestCase(0.0, 0.5, 1, "+0.5 (absolute)")]
    [TestCase(0.001, 0.02, 1, "+1900 %")]
    [TestCase(1e-9, 0.02, 1, "+2E+09 %")]
    [TestCase(0.5, 0.500000001, 1, "+2E-07 %")]
    public void Compare_Gaps_AreOrderedAndTheirChangeDescribed(double baseline, double current, int expected, string change)
    {
        var report = CompareOne(Row(gap: baseline), Row(gap: current), Strict);

        Assert.That(Direction(report, "final_gap"), Is.EqualTo(expected));
        Assert.That(Findings(report).Select(f => f.Change), Is.EqualTo(expected == 0 ? Array.Empty<string>() : new[] { change }));
    }

    [Test]
    public void Compare_DuplicateRunId_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => RegressionComparer.Compare([Row("a"), Row("a")], [Row("a")], Strict, "base"));

        Assert.That(error.Message, Does.StartWith("run_id 'a' appears twice."));
    }

    private static RegressionReport CompareOne(SummaryRow baseline, SummaryRow current, RegressionConfig config) =>
        RegressionComparer.Compare([baseline], [current], config, "base");

    private static IEnumerable<RegressionFinding> Findings(RegressionReport report) => report.Regressions.Concat(report.Improvements);

    private static int Direction(RegressionReport report, string metric) =>
        report.Regressions.Any(f => f.Metric == metric) ? 1 : report.Improvements.Any(f => f.Metric == metric) ? -1 : 0;

    private static SummaryRow Row(string runId = "run", double gap = 0.1, int? epochs = 5, RunStatus status = RunStatus.Converged) =>
        AwkwardRuns.Origin(runId) with { FinalGap = gap, EpochsToTarget = epochs, Status = status };
}
