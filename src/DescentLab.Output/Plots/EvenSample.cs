namespace DescentLab.Output.Plots;

/// <summary>A bounded, deterministic choice of items to draw: evenly spaced indices, first and last included, so the cost
/// and size of a plot do not grow with the data or the number of settings.</summary>
public static class EvenSample
{
    /// <summary>Indices into <paramref name="count"/> items: all of them up to <paramref name="max"/>, otherwise
    /// <paramref name="max"/> evenly spaced ones in increasing order (index k·(count-1)/(max-1), rounded down).</summary>
    public static int[] Indices(int count, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        if (count <= max)
        {
            return [.. Enumerable.Range(0, count)];
        }

        var indices = new int[max];
        for (int k = 0; k < max; k++)
        {
            indices[k] = (int)((long)k * (count - 1) / (max - 1));
        }

        return indices;
    }

    /// <summary>The items at <see cref="Indices"/>.</summary>
    public static IReadOnlyList<T> Of<T>(IReadOnlyList<T> items, int max) => [.. Indices(items.Count, max).Select(i => items[i])];
}
