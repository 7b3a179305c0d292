using System.Runtime.InteropServices;

namespace DescentLab.Core.Datasets.Recipes;

/// <summary>The draw patterns the recipes share.</summary>
internal static class BeanDraws
{
    /// <summary>Below this many samples a comparison sort is as fast as the radix sort's fixed passes.</summary>
    private const int RadixSortMinimum = 4096;

    private const int DigitBits = 9;

    private const int DigitPasses = 6;

    /// <summary>A column of n samples that the recipe writes in full: not zeroed first, which saves a pass over the memory
    /// (80 MB at n = 10^7).</summary>
    public static double[] Column(int n) => GC.AllocateUninitializedArray<double>(n);

    /// <summary>n draws of <c>scale*U</c>, then sorted ascending; n is <paramref name="scratch"/>'s length.</summary>
    /// <remarks>The draws are sorted as their 53-bit integers and only then scaled: <c>scale*U</c> is monotone in those bits,
    /// so the array is the same, bit for bit, as sorting the doubles, at a tenth of the cost for 10^7 samples (a radix sort
    /// of six 9-bit digits). <paramref name="scratch"/> is the caller's next column, overwritten afterwards.</remarks>
    public static double[] SortedSizes(ref Xoshiro256StarStar rng, double scale, double[] scratch)
    {
        int n = scratch.Length;
        var x = Column(n);
        var bits = MemoryMarshal.Cast<double, ulong>(x.AsSpan());
        for (int i = 0; i < n; i++)
        {
            bits[i] = rng.Next() >> 11;
        }

        if (n < RadixSortMinimum)
        {
            bits.Sort();
        }
        else
        {
            RadixSort(bits, MemoryMarshal.Cast<double, ulong>(scratch.AsSpan()));
        }

        for (int i = 0; i < n; i++)
        {
            x[i] = scale * Xoshiro256StarStar.ToUniform(bits[i]);
        }

        return x;
    }

    /// <summary>Per sample <c>x1 = 2*U</c> then <c>x2 = 2*U</c>, unsorted.</summary>
    public static (double[] X1, double[] X2) PlanePoints(ref Xoshiro256StarStar rng, int n)
    {
        var x1 = Column(n);
        var x2 = Column(n);
        for (int i = 0; i < n; i++)
        {
            x1[i] = 2 * rng.NextUniform();
            x2[i] = 2 * rng.NextUniform();
        }

        return (x1, x2);
    }

    /// <summary>The beans3/beans4 toxicity score <c>0.7*x + (0.5-U)/50 + 0.5</c>.</summary>
    public static double Toxicity(double x, ref Xoshiro256StarStar rng) => 0.7 * x + (0.5 - rng.NextUniform()) / 50 + 0.5;

    /// <summary>Least-significant-digit radix sort of keys below 2^54; an even number of passes leaves them in
    /// <paramref name="keys"/>.</summary>
    private static void RadixSort(Span<ulong> keys, Span<ulong> scratch)
    {
        const int buckets = 1 << DigitBits;
        const ulong mask = buckets - 1;
        var starts = new int[DigitPasses * buckets];
        foreach (ulong key in keys)
        {
            for (int pass = 0; pass < DigitPasses; pass++)
            {
                starts[(pass * buckets) + (int)((key >> (pass * DigitBits)) & mask)]++;
            }
        }

        var source = keys;
        var target = scratch;
        for (int pass = 0; pass < DigitPasses; pass++)
        {
            var start = starts.AsSpan(pass * buckets, buckets);
            int sum = 0;
            for (int b = 0; b < buckets; b++)
            {
                int count = start[b];
                start[b] = sum;
                sum += count;
            }

            int shift = pass * DigitBits;
            foreach (ulong key in source)
            {
                target[start[(int)((key >> shift) & mask)]++] = key;
            }

            var swap = source;
            source = target;
            target = swap;
        }
    }
}
