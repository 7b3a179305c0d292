namespace DescentLab.Output.Plots;

/// <summary>Chooses the epochs an animation shows, so its frames follow the motion rather than the clock.</summary>
internal static class AnimationFrames
{
    /// <summary>At most <paramref name="maxFrames"/> indices into <paramref name="progress"/> (a non-decreasing measure of
    /// how far the fits have moved by each epoch, from 0 to its end): the first and last epochs, and in between the first
    /// epoch to reach each of evenly spaced levels of progress, so fast early motion gets many frames and a long tail few.</summary>
    public static IReadOnlyList<int> Choose(IReadOnlyList<double> progress, int maxFrames)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrames, 2);
        int last = progress.Count - 1;
        if (last < 0)
        {
            return [];
        }

        if (progress.Count <= maxFrames)
        {
            return [.. Enumerable.Range(0, progress.Count)];
        }

        double total = progress[last] - progress[0];
        var chosen = new SortedSet<int> { 0, last };
        int epoch = 0;
        for (int level = 1; level < maxFrames - 1 && total > 0; level++)
        {
            double target = progress[0] + total * level / (maxFrames - 1);
            while (epoch < last && progress[epoch] < target)
            {
                epoch++;
            }

            chosen.Add(epoch);
        }

        // Levels that land on the same epoch leave frames unused: spend them evenly on the epochs not yet shown.
        for (int i = 1; chosen.Count < maxFrames && i < maxFrames; i++)
        {
            chosen.Add((int)((long)last * i / maxFrames));
        }

        return [.. chosen];
    }
}
