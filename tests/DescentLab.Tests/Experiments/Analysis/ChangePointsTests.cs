using DescentLab.Experiments.Analysis;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Analysis;

public sealed class ChangePointsTests
{
    [Test]
    public void Detect_OneCleanStep_FoundAtItsIndexWithBothLevels()
    {
        double[] values = [-9, -9, -9, -9, -6, -6, -6];
        var steps = ChangePoints.Detect(values, 0.5);
        Assert.That(steps, Is.EqualTo(new[] { new ChangePoint(4, -9, -6) }));
    }

    [Test]
    public void Detect_StepUpThenDown_BothFound()
    {
        double[] values = [1, 1, 1, 3, 3, 3, 3, 0, 0, 0];
        var steps = ChangePoints.Detect(values, 0.5);
        Assert.That(steps, Is.EqualTo(new[] { new ChangePoint(3, 1, 3), new ChangePoint(7, 3, 0) }));
    }

    [Test]
    public void Detect_FlatSeries_NoStep()
    {
        Assert.That(ChangePoints.Detect([2, 2, 2, 2, 2, 2], 0.1), Is.Empty);
    }

    [Test]
    public void Detect_NoiseWithoutStep_NoStep()
    {
        double[] values = [-8.1, -7.9, -8.05, -7.95, -8.1, -7.9, -8.0, -8.08, -7.92, -8.02];
        Assert.That(ChangePoints.Detect(values, 0.3), Is.Empty);
    }

    [Test]
    public void Detect_StepThroughNoise_FoundWithSegmentMeans()
    {
        double[] values = [-8.1, -7.9, -8.05, -7.95, -8.0, -5.1, -4.9, -5.05, -4.95, -5.0];
        var steps = ChangePoints.Detect(values, 0.3);
        Assert.That(steps, Has.Count.EqualTo(1));
        Assert.That(steps[0].Index, Is.EqualTo(5));
        Assert.That(steps[0].Before, Is.EqualTo(-8.0).Within(1e-12));
        Assert.That(steps[0].After, Is.EqualTo(-5.0).Within(1e-12));
    }

    [Test]
    public void Detect_StepBelowMinimum_NotReported()
    {
        double[] values = [1, 1, 1, 1.2, 1.2, 1.2];
        Assert.That(ChangePoints.Detect(values, 0.5), Is.Empty);
        Assert.That(ChangePoints.Detect(values, 0.1), Has.Count.EqualTo(1));
    }

    [Test]
    public void Detect_LastPointJumps_StepOfOnePoint()
    {
        var steps = ChangePoints.Detect([3, 3, 3, 3, 7], 1);
        Assert.That(steps, Is.EqualTo(new[] { new ChangePoint(4, 3, 7) }));
    }

    [Test]
    public void Detect_SinglePointOrNone_NoStep()
    {
        Assert.That(ChangePoints.Detect([5], 0.1), Is.Empty);
        Assert.That(ChangePoints.Detect([], 0.1), Is.Empty);
    }

    [Test]
    public void Detect_NonFiniteValue_Refused()
    {
        Assert.That(() => ChangePoints.Detect([1, double.NaN], 0.1), Throws.ArgumentException.With.Message.StartsWith("every value must be finite"));
    }
}
