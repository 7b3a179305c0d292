using DescentLab.Experiments.Analysis.Tuning;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Analysis.Tuning;

/// <summary>The "widen the range" rule: the best trial holds the lowest (highest) sampled value and sits within 0.1 of that end.</summary>
public sealed class RangeEdgeTests
{
    [TestCase(0.05, new[] { 0.05, 0.4, 0.8 }, RangeSide.Low, TestName = "Of_BestIsLowestAndNearLowEnd_WidenBelow")]
    [TestCase(0.1, new[] { 0.1, 0.4, 0.8 }, RangeSide.Low, TestName = "Of_BestIsLowestAtExactly0.1_WidenBelow")]
    [TestCase(0.95, new[] { 0.2, 0.95, 0.5 }, RangeSide.High, TestName = "Of_BestIsHighestAndNearHighEnd_WidenAbove")]
    [TestCase(0.9, new[] { 0.2, 0.9 }, RangeSide.High, TestName = "Of_BestIsHighestAtExactly0.9_WidenAbove")]
    [TestCase(0.05, new[] { 0.02, 0.05, 0.8 }, RangeSide.None, TestName = "Of_NearLowEndButATrialWentLower_NoFlag")]
    [TestCase(0.97, new[] { 0.97, 0.99 }, RangeSide.None, TestName = "Of_NearHighEndButATrialWentHigher_NoFlag")]
    [TestCase(0.15, new[] { 0.15, 0.5, 0.8 }, RangeSide.None, TestName = "Of_LowestSampledButInsideTheRange_NoFlag")]
    [TestCase(0.5, new[] { 0.5 }, RangeSide.None, TestName = "Of_OneTrialInTheMiddle_NoFlag")]
    [TestCase(0.0, new[] { 0.0 }, RangeSide.Low, TestName = "Of_OneTrialAtTheLowEnd_WidenBelow")]
    [TestCase(double.NaN, new[] { 0.1, 0.5 }, RangeSide.None, TestName = "Of_NoPosition_NoFlag")]
    public void Of_Rule(double best, double[] sampled, RangeSide expected)
    {
        var edge = RangeEdge.Of("lr", best, sampled);

        Assert.That((edge.Name, edge.Widen), Is.EqualTo(("lr", expected)));
    }
}
