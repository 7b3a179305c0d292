using DescentLab.Core.Tuning;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Tuning;

/// <summary>Unit-cube points of each sampler and their mapping to ranges, against hand-computed values.</summary>
public sealed class TrialSamplerTests
{
    [Test]
    public void Grid_ExactlyTheBudget_CellCentres()
    {
        var oneDimension = TrialSampler.UnitPoints(SamplerKind.Grid, 1, 4, 0);
        var square = TrialSampler.UnitPoints(SamplerKind.Grid, 2, 4, 0);
        var uneven = TrialSampler.UnitPoints(SamplerKind.Grid, 2, 3, 0);

        Assert.Multiple(() =>
        {
            Assert.That(oneDimension.Select(p => p[0]), Is.EqualTo(new[] { 0.125, 0.375, 0.625, 0.875 }));
            Assert.That(square, Is.EqualTo(new[] { new[] { 0.25, 0.25 }, [0.25, 0.75], [0.75, 0.25], [0.75, 0.75] }));
            // 3 of the 2×2 grid's cells, evenly spaced: cells 0, 1 and 2 (t·4/3 rounded down).
            Assert.That(uneven, Is.EqualTo(new[] { new[] { 0.25, 0.25 }, [0.25, 0.75], [0.75, 0.25] }));
            Assert.That(TrialSampler.UnitPoints(SamplerKind.Grid, 0, 3, 0), Has.Count.EqualTo(3).And.All.Empty);
        });
    }

    [Test]
    public void Random_IsSeeded_AndInTheUnitCube()
    {
        var a = TrialSampler.UnitPoints(SamplerKind.Random, 3, 20, 5);
        var b = TrialSampler.UnitPoints(SamplerKind.Random, 3, 20, 5);
        var c = TrialSampler.UnitPoints(SamplerKind.Random, 3, 20, 6);

        Assert.Multiple(() =>
        {
            Assert.That(b, Is.EqualTo(a));
            Assert.That(c, Is.Not.EqualTo(a));
            Assert.That(a.SelectMany(p => p).ToList(), Has.All.InRange(0.0, 0.9999999999999999));
        });
    }

    [Test]
    public void QuasiRandom_IsTheScrambledHaltonSequenceFromIndexOne()
    {
        var points = TrialSampler.UnitPoints(SamplerKind.QuasiRandom, 2, 5, 3);
        var sequence = HaltonSequence.Scrambled(2, 3);

        Assert.That(points, Is.EqualTo(Enumerable.Range(1, 5).Select(i => sequence.Point(i))));
    }

    [Test]
    public void Ranges_MapTheUnitInterval()
    {
        Assert.Multiple(() =>
        {
            // Log scale: the middle of [1e-3, 1e1] is 1e-1.
            Assert.That(SearchRange.LogUniform(1e-3, 10).At(0.5), Is.EqualTo(0.1).Within(1e-15));
            Assert.That(SearchRange.LogUniform(1e-3, 10).Position(0.1), Is.EqualTo(0.5).Within(1e-12));
            Assert.That(SearchRange.Uniform(2, 4).At(0.25), Is.EqualTo(2.5));
            // Floor over high − low + 1 equal parts: [1, 3] has parts [0, 1/3), [1/3, 2/3), [2/3, 1).
            Assert.That(new[] { 0.0, 0.33, 0.34, 0.99 }.Select(SearchRange.IntUniform(1, 3).At), Is.EqualTo(new[] { 1.0, 1, 2, 3 }));
            Assert.That(new[] { 0.0, 0.49, 0.5, 0.99 }.Select(SearchRange.Choice(0.5, 0.9).At), Is.EqualTo(new[] { 0.5, 0.5, 0.9, 0.9 }));
            Assert.That(SearchRange.Choice(1, 2, 3).Position(3), Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Sample_NamesTheValuesInSpaceOrder()
    {
        IReadOnlyList<SearchDimension> space = [new("lr", SearchRange.LogUniform(1e-4, 1)), new("momentum", SearchRange.Uniform(0.5, 0.9))];

        var trials = TrialSampler.Sample(SamplerKind.Grid, space, 4, 0);

        Assert.Multiple(() =>
        {
            Assert.That(trials, Has.Count.EqualTo(4));
            Assert.That(trials[0].Select(p => p.Key), Is.EqualTo(new[] { "lr", "momentum" }));
            Assert.That(trials[0][0].Value, Is.EqualTo(1e-3).Within(1e-15));
            Assert.That(trials[3][1].Value, Is.EqualTo(0.8).Within(1e-15));
        });
    }

    [TestCase(SearchRangeKind.LogUniform, new[] { 1.0, 0.001 }, "log_uniform needs low < high, got [1, 0.001]")]
    [TestCase(SearchRangeKind.Uniform, new[] { 0.5, 0.5 }, "uniform needs low < high, got [0.5, 0.5]")]
    [TestCase(SearchRangeKind.LogUniform, new[] { 0.0, 1.0 }, "log_uniform needs low > 0 (its scale is logarithmic), got 0")]
    [TestCase(SearchRangeKind.IntUniform, new[] { 1.0, 2.5 }, "int_uniform takes integers, got 2.5")]
    [TestCase(SearchRangeKind.Choice, new double[0], "choice needs at least one value, got an empty list")]
    [TestCase(SearchRangeKind.Choice, new[] { 0.1, 0.2, 0.1 }, "choice lists 0.1 twice")]
    [TestCase(SearchRangeKind.Uniform, new[] { 1.0 }, "uniform takes [low, high], got 1 value")]
    public void TryCreate_BadBounds_SayWhy(SearchRangeKind kind, double[] values, string expected)
    {
        var range = SearchRange.TryCreate(kind, values, out string error);

        Assert.Multiple(() =>
        {
            Assert.That(range, Is.Null);
            Assert.That(error, Is.EqualTo(expected));
        });
    }
}
