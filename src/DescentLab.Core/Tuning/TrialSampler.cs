using DescentLab.Core.Datasets;

namespace DescentLab.Core.Tuning;

/// <summary>Places a budget of trials in a search space: unit-cube points from the sampler, mapped through each range.</summary>
/// <remarks>The points depend only on the sampler, the seed, the budget and the number of dimensions, so variants whose
/// spaces have as many dimensions get the same points: the comparison is paired.</remarks>
public static class TrialSampler
{
    /// <summary>The hyper-parameter values of each of <paramref name="trials"/> trials, in the space's order.</summary>
    /// <exception cref="ArgumentException">The space has more dimensions than the quasi-random sequence supports.</exception>
    public static IReadOnlyList<IReadOnlyList<KeyValuePair<string, double>>> Sample(SamplerKind sampler, IReadOnlyList<SearchDimension> space, int trials, ulong seed)
    {
        var points = UnitPoints(sampler, space.Count, trials, seed);
        return [.. points.Select(p => (IReadOnlyList<KeyValuePair<string, double>>)[.. space.Select((d, i) => new KeyValuePair<string, double>(d.Name, d.Range.At(p[i])))])];
    }

    /// <summary><paramref name="trials"/> points of the unit cube in <paramref name="dimensions"/> dimensions.</summary>
    public static IReadOnlyList<double[]> UnitPoints(SamplerKind sampler, int dimensions, int trials, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        return sampler switch
        {
            SamplerKind.QuasiRandom => QuasiRandom(dimensions, trials, seed),
            SamplerKind.Grid => Grid(dimensions, trials),
            _ => Random(dimensions, trials, seed),
        };
    }

    // Point 0 of the plain sequence is the origin, so trials start at index 1.
    private static double[][] QuasiRandom(int dimensions, int trials, ulong seed)
    {
        if (dimensions > HaltonSequence.MaxDimensions)
        {
            throw new ArgumentException($"quasi_random supports at most {HaltonSequence.MaxDimensions} tuned hyper-parameters, got {dimensions}", nameof(dimensions));
        }

        var sequence = HaltonSequence.Scrambled(dimensions, seed);
        return [.. Enumerable.Range(1, trials).Select(i => sequence.Point(i))];
    }

    /// <summary>The k^d cell centres of the smallest grid with k^d ≥ trials (first dimension slowest), of which
    /// <paramref name="trials"/> evenly spaced ones are taken: exactly the whole grid when trials is a d-th power.</summary>
    private static double[][] Grid(int dimensions, int trials)
    {
        if (dimensions == 0)
        {
            return [.. Enumerable.Range(0, trials).Select(_ => Array.Empty<double>())];
        }

        int k = 1;
        while (Math.Pow(k, dimensions) < trials)
        {
            k++;
        }

        long cells = (long)Math.Pow(k, dimensions);
        var points = new double[trials][];
        for (int t = 0; t < trials; t++)
        {
            long cell = t * cells / trials;
            var point = new double[dimensions];
            for (int d = dimensions - 1; d >= 0; d--)
            {
                point[d] = ((cell % k) + 0.5) / k;
                cell /= k;
            }

            points[t] = point;
        }

        return points;
    }

    private static double[][] Random(int dimensions, int trials, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var points = new double[trials][];
        for (int t = 0; t < trials; t++)
        {
            points[t] = new double[dimensions];
            for (int d = 0; d < dimensions; d++)
            {
                points[t][d] = rng.NextUniform();
            }
        }

        return points;
    }
}
