namespace DescentLab.Experiments.Analysis;

/// <summary>Where a series stepped: a penalised least-squares segmentation in the spirit of asv's step detection.</summary>
/// <remarks>
/// The series (already on the scale steps are judged on, e.g. log10 of a gap) is cut into segments that minimise the sum
/// of squared deviations from each segment's mean plus a penalty per segment, found exactly by dynamic programming
/// (O(n²) for the few dozen run sets a trend holds). The penalty is <c>max(minStep², 2·σ²·ln n)</c>, where σ is a robust
/// noise estimate (median absolute consecutive difference / (0.6745·√2)), so noise alone rarely opens a segment. Adjacent
/// segments whose means differ by less than <c>minStep</c> are then merged, so a step is always at least that large.
/// Deterministic: ties keep the earlier cut.
/// </remarks>
public static class ChangePoints
{
    /// <summary>The steps of <paramref name="values"/>, oldest first; none for fewer than two values.</summary>
    /// <param name="values">Finite values in order.</param>
    /// <param name="minStep">Smallest difference of segment means reported as a step (positive).</param>
    /// <exception cref="ArgumentException">A value is not finite.</exception>
    public static IReadOnlyList<ChangePoint> Detect(IReadOnlyList<double> values, double minStep)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minStep);
        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("every value must be finite", nameof(values));
        }

        int n = values.Count;
        if (n < 2)
        {
            return [];
        }

        var starts = Segment(values, Math.Max(minStep * minStep, 2 * Noise(values) * Noise(values) * Math.Log(n)));
        starts = Merge(values, starts, minStep);
        var steps = new List<ChangePoint>();
        for (int s = 1; s < starts.Count; s++)
        {
            int end = s + 1 < starts.Count ? starts[s + 1] : n;
            steps.Add(new ChangePoint(starts[s], Mean(values, starts[s - 1], starts[s]), Mean(values, starts[s], end)));
        }

        return steps;
    }

    /// <summary>Robust standard deviation of the noise from consecutive differences (steps are rare, so they barely move it).</summary>
    private static double Noise(IReadOnlyList<double> values)
    {
        var diffs = new double[values.Count - 1];
        for (int i = 1; i < values.Count; i++)
        {
            diffs[i - 1] = Math.Abs(values[i] - values[i - 1]);
        }

        Array.Sort(diffs);
        int m = diffs.Length / 2;
        double median = diffs.Length % 2 == 1 ? diffs[m] : (diffs[m - 1] + diffs[m]) / 2;
        return median / (0.6745 * Math.Sqrt(2));
    }

    /// <summary>Optimal segment starts (the first is 0) for the given penalty per segment.</summary>
    private static List<int> Segment(IReadOnlyList<double> values, double penalty)
    {
        int n = values.Count;
        var sum = new double[n + 1];
        var squares = new double[n + 1];
        for (int i = 0; i < n; i++)
        {
            sum[i + 1] = sum[i] + values[i];
            squares[i + 1] = squares[i] + (values[i] * values[i]);
        }

        var best = new double[n + 1];
        var cut = new int[n + 1];
        for (int end = 1; end <= n; end++)
        {
            best[end] = double.PositiveInfinity;
            for (int start = 0; start < end; start++)
            {
                int length = end - start;
                double s = sum[end] - sum[start];
                double cost = Math.Max(0, squares[end] - squares[start] - (s * s / length));
                double total = best[start] + cost + penalty;
                if (total < best[end] - 1e-12)
                {
                    best[end] = total;
                    cut[end] = start;
                }
            }
        }

        var starts = new List<int>();
        for (int end = n; end > 0; end = cut[end])
        {
            starts.Add(cut[end]);
        }

        starts.Reverse();
        return starts;
    }

    /// <summary>Merges neighbouring segments whose means differ by less than <paramref name="minStep"/>, smallest difference first.</summary>
    private static List<int> Merge(IReadOnlyList<double> values, List<int> starts, double minStep)
    {
        while (starts.Count > 1)
        {
            int weakest = -1;
            double smallest = double.PositiveInfinity;
            for (int s = 1; s < starts.Count; s++)
            {
                int end = s + 1 < starts.Count ? starts[s + 1] : values.Count;
                double difference = Math.Abs(Mean(values, starts[s], end) - Mean(values, starts[s - 1], starts[s]));
                if (difference < smallest)
                {
                    smallest = difference;
                    weakest = s;
                }
            }

            if (smallest >= minStep)
            {
                break;
            }

            starts.RemoveAt(weakest);
        }

        return starts;
    }

    private static double Mean(IReadOnlyList<double> values, int start, int end)
    {
        double total = 0;
        for (int i = start; i < end; i++)
        {
            total += values[i];
        }

        return total / (end - start);
    }
}
