using DescentLab.Core.Datasets;

namespace DescentLab.Experiments.Analysis;

/// <summary>The percentile bootstrap over seeds that ERT intervals and headline margins share: 1000 resamples from a fixed
/// seed, so the same runs always give the same interval and reports stay byte-identical.</summary>
public static class Bootstrap
{
    /// <summary>Resamples drawn.</summary>
    public const int Resamples = 1000;

    /// <summary>The fixed seed of the resampling.</summary>
    public const ulong Seed = 20021;

    /// <summary>The 95 % interval of <paramref name="statistic"/> over resamples (with replacement) of <paramref name="count"/>
    /// indices; the statistic must not return NaN.</summary>
    public static (double Low, double High) Interval(int count, Func<int[], double> statistic)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var rng = new Xoshiro256StarStar(Seed);
        var samples = new double[Resamples];
        var pick = new int[count];
        for (int b = 0; b < Resamples; b++)
        {
            for (int i = 0; i < pick.Length; i++)
            {
                pick[i] = rng.NextIndex(pick.Length);
            }

            samples[b] = statistic(pick);
        }

        Array.Sort(samples);
        return (Percentile(samples, 0.025), Percentile(samples, 0.975));
    }

    /// <summary>The value at rank ⌈p·N⌉ (1-based) of sorted <paramref name="sorted"/>: no interpolation, so ∞ stays ∞.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
