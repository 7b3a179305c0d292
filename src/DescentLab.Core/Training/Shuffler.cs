using DescentLab.Core.Datasets;

namespace DescentLab.Core.Training;

/// <summary>A seeded per-epoch reshuffle into copies of the columns, so batches stay contiguous spans.</summary>
/// <remarks>Each epoch starts from data order and applies Fisher–Yates from the top: for i = n-1 down to 1,
/// j = ⌊U·(i+1)⌋ from one xoshiro256** stream seeded with the shuffle seed, swap i and j.</remarks>
public sealed class Shuffler
{
    private readonly Samples _source;
    private readonly int[] _order;
    private Xoshiro256StarStar _rng;

    /// <summary>Allocates the copies once.</summary>
    public Shuffler(Samples source, ulong seed)
    {
        _source = source;
        _order = new int[source.Count];
        _rng = new Xoshiro256StarStar(seed);
        Samples = new Samples(new double[source.Count], new double[source.X2.Length], new double[source.Count]);
    }

    /// <summary>The shuffled columns, valid until the next <see cref="Reshuffle"/>.</summary>
    public Samples Samples { get; }

    /// <summary>Draws a fresh permutation and gathers the columns.</summary>
    public void Reshuffle()
    {
        int n = _order.Length;
        for (int i = 0; i < n; i++)
        {
            _order[i] = i;
        }

        for (int i = n - 1; i > 0; i--)
        {
            int j = _rng.NextIndex(i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }

        bool twoInputs = _source.X2.Length > 0;
        for (int i = 0; i < n; i++)
        {
            int k = _order[i];
            Samples.X1[i] = _source.X1[k];
            Samples.Y[i] = _source.Y[k];
            if (twoInputs)
            {
                Samples.X2[i] = _source.X2[k];
            }
        }
    }
}
