namespace DescentLab.Experiments.Analysis;

/// <summary>Medians over seeds, with the conventions the report states.</summary>
public static class Median
{
    /// <summary>The median (mean of the two middle values for an even count); NaN counts as +∞; NaN for no values.</summary>
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Select(v => double.IsNaN(v) ? double.PositiveInfinity : v).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : Midpoint(sorted[middle - 1], sorted[middle]);
    }

    /// <summary>The lower median, counting a missing value (not reached) as never: the smallest value by which at least
    /// half of the runs had reached the target, or null when fewer than half did.</summary>
    /// <remarks>The lower median keeps the result a value some run actually had (a whole number of epochs); for an odd
    /// count it is the ordinary median.</remarks>
    public static long? LowerOrNull(IEnumerable<long?> values)
    {
        var all = values.ToArray();
        var reached = all.Where(v => v.HasValue).Select(v => v!.Value).Order().ToArray();
        int needed = (all.Length + 1) / 2;
        return all.Length == 0 || reached.Length < needed ? null : reached[needed - 1];
    }

    private static double Midpoint(double low, double high) =>
        double.IsInfinity(low) || double.IsInfinity(high) ? low + high : low + (high - low) / 2;
}
