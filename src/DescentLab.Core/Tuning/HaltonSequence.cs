using DescentLab.Core.Datasets;

namespace DescentLab.Core.Tuning;

/// <summary>The Halton sequence (dimension k in the k-th prime base), plain or with random digit scrambling.</summary>
/// <remarks>Scrambled, every digit position of every dimension has its own random permutation of the digits 0..b−1,
/// drawn from a generator seeded by the seed and the dimension (the "random digit scrambling" of Owen 2017, "A randomized
/// Halton algorithm in R", arXiv:1706.02808). It breaks the plain sequence's correlations between high bases, which place
/// the first points of dimensions 5 and 6 on a line, while a permutation of each digit keeps every b-adic interval
/// holding its one point of each block of b^k indices. Digits are kept to 53 bits of precision, so a permuted zero digit
/// cannot add an infinite tail. Point i (from 1) of the plain sequence is the radical inverse of i: 1/2, 1/4, 3/4, …</remarks>
public sealed class HaltonSequence
{
    private static readonly int[] Primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97];

    // The largest double below 1: a value that rounds up to 1 is kept in [0, 1).
    private const double BelowOne = 1 - (1.0 / (1UL << 53));

    private readonly int[][][] _permutations;

    private HaltonSequence(int[][][] permutations) => _permutations = permutations;

    /// <summary>Dimensions the sequence supports (one per listed prime).</summary>
    public static int MaxDimensions => Primes.Length;

    /// <summary>The plain sequence in <paramref name="dimensions"/> dimensions.</summary>
    public static HaltonSequence Plain(int dimensions) => new(Build(dimensions, null));

    /// <summary>The sequence with its digits scrambled by permutations drawn from <paramref name="seed"/>.</summary>
    public static HaltonSequence Scrambled(int dimensions, ulong seed) => new(Build(dimensions, seed));

    /// <summary>Point <paramref name="index"/> (index ≥ 0; the plain sequence's point 0 is the origin), each coordinate in [0, 1).</summary>
    public double[] Point(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var point = new double[_permutations.Length];
        for (int d = 0; d < point.Length; d++)
        {
            int b = Primes[d];
            var digits = _permutations[d];
            double scale = 1.0 / b;
            double value = 0;
            long rest = index;
            for (int j = 0; j < digits.Length; j++)
            {
                value += digits[j][(int)(rest % b)] * scale;
                rest /= b;
                scale /= b;
            }

            point[d] = Math.Min(value, BelowOne);
        }

        return point;
    }

    private static int[][][] Build(int dimensions, ulong? seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, Primes.Length);
        var result = new int[dimensions][][];
        for (int d = 0; d < dimensions; d++)
        {
            int b = Primes[d];
            int count = (int)Math.Ceiling(53 * Math.Log(2) / Math.Log(b));
            // One generator per dimension, so adding a dimension leaves the others' scrambles as they were.
            var rng = new Xoshiro256StarStar(new SplitMix64(seed ?? 0).Next() ^ ((ulong)(d + 1) * 0x9E3779B97F4A7C15UL));
            result[d] = new int[count][];
            for (int j = 0; j < count; j++)
            {
                var digits = Enumerable.Range(0, b).ToArray();
                for (int k = b - 1; seed is not null && k > 0; k--)
                {
                    int swap = rng.NextIndex(k + 1);
                    (digits[k], digits[swap]) = (digits[swap], digits[k]);
                }

                result[d][j] = digits;
            }
        }

        return result;
    }
}
