using DescentLab.Core.Tuning;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Tuning;

/// <summary>The Halton sequence against its published first points, and the scrambled one for determinism, range and
/// stratification.</summary>
public sealed class HaltonSequenceTests
{
    [Test]
    public void Plain_FirstPoints_AreThePublishedRadicalInverses()
    {
        // Halton (1960); e.g. the tables in Kocis and Whiten, "Computational investigations of low-discrepancy sequences" (1997).
        double[] base2 = [1 / 2.0, 1 / 4.0, 3 / 4.0, 1 / 8.0, 5 / 8.0, 3 / 8.0, 7 / 8.0, 1 / 16.0];
        double[] base3 = [1 / 3.0, 2 / 3.0, 1 / 9.0, 4 / 9.0, 7 / 9.0, 2 / 9.0, 5 / 9.0, 8 / 9.0];
        double[] base5 = [1 / 5.0, 2 / 5.0, 3 / 5.0, 4 / 5.0, 1 / 25.0, 6 / 25.0, 11 / 25.0, 16 / 25.0];
        var sequence = HaltonSequence.Plain(3);

        var points = Enumerable.Range(1, 8).Select(i => sequence.Point(i)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(points.Select(p => p[0]), Is.EqualTo(base2).Within(1e-15));
            Assert.That(points.Select(p => p[1]), Is.EqualTo(base3).Within(1e-15));
            Assert.That(points.Select(p => p[2]), Is.EqualTo(base5).Within(1e-15));
            Assert.That(sequence.Point(0), Is.EqualTo(new double[] { 0, 0, 0 }));
        });
    }

    [Test]
    public void Scrambled_SameSeed_SamePoints_OtherSeed_OtherPoints()
    {
        var a = Enumerable.Range(1, 16).Select(i => HaltonSequence.Scrambled(4, 7).Point(i)).ToList();
        var b = Enumerable.Range(1, 16).Select(i => HaltonSequence.Scrambled(4, 7).Point(i)).ToList();
        var c = Enumerable.Range(1, 16).Select(i => HaltonSequence.Scrambled(4, 8).Point(i)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(b, Is.EqualTo(a));
            Assert.That(c, Is.Not.EqualTo(a));
            Assert.That(a.SelectMany(p => p).ToList(), Has.All.InRange(0.0, 0.9999999999999999));
            Assert.That(a.Select(p => p[0]), Is.Not.EqualTo(Enumerable.Range(1, 16).Select(i => HaltonSequence.Plain(1).Point(i)[0])));
        });
    }

    [TestCase(0, 2, 5)]
    [TestCase(1, 3, 3)]
    [TestCase(2, 5, 2)]
    [TestCase(3, 7, 2)]
    public void Scrambled_EveryBlockOfBaseToTheK_HasOnePointPerInterval(int dimension, int b, int k)
    {
        // Indices 1..b^k have every last-k-digit pattern once, so each interval [j/b^k, (j+1)/b^k) holds one point.
        int count = (int)Math.Pow(b, k);
        var sequence = HaltonSequence.Scrambled(dimension + 1, 12345);

        var cells = Enumerable.Range(1, count).Select(i => (int)Math.Floor(sequence.Point(i)[dimension] * count)).Order().ToList();

        Assert.That(cells, Is.EqualTo(Enumerable.Range(0, count)));
    }

    [Test]
    public void Scrambled_TwoDimensions_SixPointsFillTheSixBoxes()
    {
        // Bases 2 and 3: the first 6 points fall one in each (1/2 × 1/3) box.
        var sequence = HaltonSequence.Scrambled(2, 99);

        var boxes = Enumerable.Range(1, 6).Select(i => sequence.Point(i)).Select(p => ((int)(p[0] * 2) * 3) + (int)(p[1] * 3)).Order().ToList();

        Assert.That(boxes, Is.EqualTo(Enumerable.Range(0, 6)));
    }
}
