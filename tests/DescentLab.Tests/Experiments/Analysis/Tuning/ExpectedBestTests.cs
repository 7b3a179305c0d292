using DescentLab.Experiments.Analysis.Tuning;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Analysis.Tuning;

/// <summary>The exact expected best of k trials (Dodge et al. 2019, draws with replacement) against hand-computed values and
/// against enumerating every k-tuple of trials.</summary>
public sealed class ExpectedBestTests
{
    private static readonly double[][] Sets =
    [
        [3, 1, 2],
        [0.5, 0.1, 0.5, 2, 0.1],
        [1e-7, 3e-4, 1e-7, 1e-7, 0.25, 4e-2],
        [7, 7, 7, 7],
        [0.42],
    ];

    [Test]
    public void Of_ThreeScores_LowerIsBetter_MatchesHandComputed()
    {
        // Best of 2 draws from {1, 2, 3} with replacement: min = 1 in 5 of 9 pairs, 2 in 3, 3 in 1.
        // E = (5·1 + 3·2 + 1·3) / 9 = 14/9; E[x²] = (5 + 12 + 9) / 9 = 26/9; Var = 26/9 − (14/9)² = 38/81.
        var (mean, variance) = ExpectedBest.Of([3, 1, 2], 2, higherIsBetter: false);

        Assert.That((mean, variance), Is.EqualTo((14.0 / 9, 38.0 / 81)).Using<(double, double)>(Close));
    }

    [Test]
    public void Of_ThreeScores_HigherIsBetter_MatchesHandComputed()
    {
        // max = 3 in 5 of 9 pairs, 2 in 3, 1 in 1: E = (15 + 6 + 1) / 9 = 22/9; E[x²] = (45 + 12 + 1) / 9 = 58/9; Var = 38/81.
        var (mean, variance) = ExpectedBest.Of([3, 1, 2], 2, higherIsBetter: true);

        Assert.That((mean, variance), Is.EqualTo((22.0 / 9, 38.0 / 81)).Using<(double, double)>(Close));
    }

    [Test]
    public void Of_OneTrialDrawn_IsTheMeanAndPopulationVariance()
    {
        var (mean, variance) = ExpectedBest.Of([0.5, 0.1, 0.5, 2, 0.1], 1, higherIsBetter: false);

        // Mean 3.2/5 = 0.64; squares 0.25 + 0.01 + 0.25 + 4 + 0.01 = 4.52, /5 = 0.904, minus 0.64² = 0.4096: 0.4944.
        Assert.That((mean, variance), Is.EqualTo((0.64, 0.4944)).Using<(double, double)>(Close));
    }

    [TestCaseSource(nameof(Sets))]
    public void Curve_EveryBudget_MatchesEnumeratingAllKTuples(double[] scores)
    {
        foreach (bool higher in new[] { false, true })
        {
            var (mean, variance) = ExpectedBest.Curve(scores, higher);
            for (int k = 1; k <= scores.Length; k++)
            {
                var (bruteMean, bruteVariance) = BruteForce(scores, k, higher);
                Assert.That((mean[k - 1], variance[k - 1]), Is.EqualTo((bruteMean, bruteVariance)).Using<(double, double)>(Close), $"k = {k}, higher is better: {higher}");
            }
        }
    }

    [TestCaseSource(nameof(Sets))]
    public void Curve_MoreTrials_NeverExpectsWorse(double[] scores)
    {
        var (lower, _) = ExpectedBest.Curve(scores, higherIsBetter: false);
        var (higher, _) = ExpectedBest.Curve(scores, higherIsBetter: true);

        Assert.Multiple(() =>
        {
            Assert.That(lower, Is.Ordered.Descending);
            Assert.That(higher, Is.Ordered.Ascending);
            Assert.That(lower[0], Is.EqualTo(scores.Average()).Within(1e-12));
            Assert.That(lower[^1], Is.GreaterThanOrEqualTo(scores.Min()));
        });
    }

    [Test]
    public void Of_AllTied_IsThatValueWithNoVariance()
    {
        var (mean, variance) = ExpectedBest.Of([7, 7, 7, 7], 3, higherIsBetter: false);

        Assert.That((mean, variance), Is.EqualTo((7.0, 0.0)));
    }

    [Test]
    public void Of_NonFiniteOrNoScore_IsRejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => ExpectedBest.Of([1, double.PositiveInfinity], 1, false), Throws.ArgumentException.With.Message.StartsWith("The expected best is defined for finite scores only."));
            Assert.That(() => ExpectedBest.Of([], 1, false), Throws.ArgumentException.With.Message.StartsWith("The expected best needs at least one trial's score."));
            Assert.That(() => ExpectedBest.Of([1], 0, false), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    /// <summary>Mean and population variance of the best of every one of the B^k ordered k-tuples (with replacement).</summary>
    private static (double Mean, double Variance) BruteForce(double[] scores, int k, bool higher)
    {
        int b = scores.Length;
        int tuples = (int)Math.Pow(b, k);
        var bests = new double[tuples];
        for (int t = 0; t < tuples; t++)
        {
            int code = t;
            double best = higher ? double.NegativeInfinity : double.PositiveInfinity;
            for (int j = 0; j < k; j++)
            {
                double v = scores[code % b];
                code /= b;
                best = higher ? Math.Max(best, v) : Math.Min(best, v);
            }

            bests[t] = best;
        }

        double mean = bests.Average();
        return (mean, bests.Select(v => (v - mean) * (v - mean)).Average());
    }

    private static bool Close((double, double) a, (double, double) b) => Near(a.Item1, b.Item1) && Near(a.Item2, b.Item2);

    // Relative, so the variances of scores near 1e-7 (about 1e-14) are checked as closely as those near 1.
    private static bool Near(double a, double b) => a == b || Math.Abs(a - b) <= 1e-10 * Math.Max(Math.Abs(a), Math.Abs(b));
}
