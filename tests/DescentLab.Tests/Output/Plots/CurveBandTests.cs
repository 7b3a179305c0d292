using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Plots;

public sealed class CurveBandTests
{
    [Test]
    public void Build_MedianAndMinMaxPerRow()
    {
        var (runs, curves) = Runs(
            (RunStatus.NotConverged, [1.0, 0.5, 0.25]),
            (RunStatus.NotConverged, [2.0, 0.4, 0.20]),
            (RunStatus.NotConverged, [3.0, 0.3, 0.10]));

        var band = CurveBand.Build(runs, new CurveMap(curves))!;

        Assert.Multiple(() =>
        {
            Assert.That(band.X, Is.EqualTo(new[] { 0.0, 1.0, 2.0 }));
            Assert.That(band.Median, Is.EqualTo(new[] { 2.0, 0.4, 0.2 }));
            Assert.That(band.Low, Is.EqualTo(new[] { 1.0, 0.3, 0.1 }));
            Assert.That(band.High, Is.EqualTo(new[] { 3.0, 0.5, 0.25 }));
        });
    }

    [Test]
    public void Build_DivergedSeeds_CountAsInfinity_MedianStopsAtLastFiniteValue()
    {
        var (runs, curves) = Runs(
            (RunStatus.NotConverged, [1.0, 0.5, 0.25, 0.1]),
            (RunStatus.Diverged, [1.0, 10.0, double.NaN]),
            (RunStatus.Diverged, [1.0, 100.0]));

        var band = CurveBand.Build(runs, new CurveMap(curves))!;

        Assert.Multiple(() =>
        {
            Assert.That(band.Median, Is.EqualTo(new[] { 1.0, 10.0 }), "from row 2 two of three seeds have diverged");
            Assert.That(band.Median.All(double.IsFinite), Is.True);
            Assert.That(band.High, Is.EqualTo(new[] { 1.0, 100.0, 0.25, 0.1 }), "the band keeps the finite seed");
        });
    }

    [Test]
    public void Build_SeedStoppedAtTarget_KeepsItsLastGap()
    {
        var (runs, curves) = Runs(
            (RunStatus.Converged, [1.0, 1e-7]),
            (RunStatus.NotConverged, [1.0, 0.5, 0.25]));

        var band = CurveBand.Build(runs, new CurveMap(curves))!;

        Assert.That(band.Low, Is.EqualTo(new[] { 1.0, 1e-7, 1e-7 }));
    }

    [Test]
    public void Build_GradEvalsAxis_EpochTimesN_LossBandedWhenAsked()
    {
        var (runs, curves) = Runs(
            (RunStatus.NotConverged, [1.0, 0.5, 0.25]),
            (RunStatus.NotConverged, [3.0, 0.3, 0.10]));

        var band = CurveBand.Build(runs, new CurveMap(curves), ConvergenceAxis.GradEvals, CurveMeasure.Loss)!;

        Assert.Multiple(() =>
        {
            // n = 10, full batch: epoch e has spent 10e per-sample gradient evaluations; the loss is the gap + 1 here.
            Assert.That(band.X, Is.EqualTo(new[] { 0.0, 10.0, 20.0 }));
            Assert.That(band.Low, Is.EqualTo(new[] { 2.0, 1.3, 1.1 }));
        });
    }

    [Test]
    public void Build_WallMsAxis_GradEvalsTimesTheMedianMillisecondsPerEvaluation()
    {
        var (runs, curves) = Runs(
            (RunStatus.NotConverged, [1.0, 0.5, 0.25]),
            (RunStatus.NotConverged, [2.0, 0.4, 0.20]),
            (RunStatus.NotConverged, [3.0, 0.3, 0.10]));
        // 1000 gradient evaluations each in 20, 60 and 40 ms: 0.02, 0.06 and 0.04 ms per evaluation, median 0.04.
        double[] wallMs = [20, 60, 40];
        runs = runs with { Rows = [.. runs.Rows.Select((r, i) => r with { WallMs = wallMs[i] })] };

        var band = CurveBand.Build(runs, new CurveMap(curves), ConvergenceAxis.WallMs, CurveMeasure.Gap)!;

        Assert.That(band.X, Is.EqualTo(new[] { 0.0, 0.4, 0.8 }).Within(1e-12));
    }

    [Test]
    public void LogScale_ClipsAtTheFloor_KeepsNaNAndInfinity()
    {
        Assert.Multiple(() =>
        {
            Assert.That(LogScale.Log10(100), Is.EqualTo(2));
            Assert.That(LogScale.Log10(0), Is.EqualTo(-16));
            Assert.That(LogScale.Log10(-3e-9), Is.EqualTo(-16));
            Assert.That(LogScale.Log10(double.NaN), Is.NaN);
            Assert.That(LogScale.Log10(double.PositiveInfinity), Is.EqualTo(double.PositiveInfinity));
        });
    }

    private static (SettingRuns Runs, Dictionary<string, Curve> Curves) Runs(params (RunStatus Status, double[] Gaps)[] seeds)
    {
        var rows = new List<DescentLab.Experiments.Results.SummaryRow>();
        var curves = new Dictionary<string, Curve>();
        for (int s = 0; s < seeds.Length; s++)
        {
            var row = OutcomeRows.Row("batch", 0.1, (ulong)s + 1, seeds[s].Status, seeds[s].Gaps[^1]);
            var gaps = seeds[s].Gaps;
            int n = gaps.Length;
            rows.Add(row);
            curves[row.RunId] = new Curve(
                ["w"], Enumerable.Range(0, n).ToArray(), Enumerable.Range(0, n).Select(i => (long)i).ToArray(),
                [.. gaps.Select(g => g + 1)], gaps, new double[n], new double[n]);
        }

        return (new SettingRuns(VariantSetting.From(rows[0]), rows), curves);
    }

    [Test]
    public void Decimated_KeepsRowZero_BinsTheRest_MinOfLowsMaxOfHighsMedianOfMedians()
    {
        // 1 + 9 rows into at most 4 points: row 0, then bins of 3 rows (1-3, 4-6, 7-9).
        double[] x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        double[] median = [10, 5, 7, 6, 4, 4, 9, 1, 2, 3];
        double[] low = [9, 4, 6, 1, 3, 3, 8, 0.5, 1, 2];
        double[] high = [11, 6, 8, 7, 5, 20, 10, 2, 3, 4];

        var band = new CurveBand(x, median, low, high).Decimated(4);

        Assert.Multiple(() =>
        {
            Assert.That(band.X, Is.EqualTo(new double[] { 0, 3, 6, 9 }));
            Assert.That(band.Median, Is.EqualTo(new double[] { 10, 6, 4, 2 }));
            Assert.That(band.Low, Is.EqualTo(new double[] { 9, 1, 3, 0.5 }));
            Assert.That(band.High, Is.EqualTo(new double[] { 11, 8, 20, 4 }));
            Assert.That(new CurveBand(x, median, low, high).Decimated(10).X, Has.Length.EqualTo(10), "short enough: unchanged");
        });
    }
}
