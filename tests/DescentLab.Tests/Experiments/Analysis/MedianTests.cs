using DescentLab.Experiments.Analysis;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Analysis;

public sealed class MedianTests
{
    [Test]
    public void Of_OddAndEvenCounts_MiddleOrMeanOfMiddles()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Median.Of([3.0, 1.0, 2.0]), Is.EqualTo(2.0));
            Assert.That(Median.Of([4.0, 1.0, 2.0, 3.0]), Is.EqualTo(2.5));
            Assert.That(Median.Of([]), Is.NaN);
        });
    }

    [Test]
    public void Of_NaN_CountsAsPositiveInfinity()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Median.Of([double.NaN, 1.0, 2.0]), Is.EqualTo(2.0));
            Assert.That(Median.Of([double.NaN, double.NaN, 2.0]), Is.EqualTo(double.PositiveInfinity));
            Assert.That(Median.Of([double.NaN, 2.0]), Is.EqualTo(double.PositiveInfinity));
        });
    }

    [Test]
    public void LowerOrNull_HalfOrMoreReached_ValueByWhichHalfGotThere()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Median.LowerOrNull([5, 8, null]), Is.EqualTo(8));
            Assert.That(Median.LowerOrNull([9, null]), Is.EqualTo(9));
            Assert.That(Median.LowerOrNull([7, 3, 5, 4]), Is.EqualTo(4));
            Assert.That(Median.LowerOrNull([7, 3, 5]), Is.EqualTo(5));
        });
    }

    [Test]
    public void LowerOrNull_FewerThanHalfReached_Null()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Median.LowerOrNull([5, null, null]), Is.Null);
            Assert.That(Median.LowerOrNull([null]), Is.Null);
            Assert.That(Median.LowerOrNull([]), Is.Null);
        });
    }
}
