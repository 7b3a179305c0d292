using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>Log axes the ScottPlot way: plot log10 of the data and label the ticks as powers of ten.</summary>
/// <remarks>Values at or below <see cref="Floor"/> (an exact optimum, or the negative gaps of an unattained infimum)
/// are clipped to it rather than dropped, so a line reaching the optimum drops to the floor instead of breaking.</remarks>
public static class LogScale
{
    /// <summary>Smallest value drawn; below it, double rounding of loss − L* dominates anyway.</summary>
    public const double Floor = 1e-16;

    /// <summary>log10 of <paramref name="value"/>, clipped below at <see cref="Floor"/>; NaN stays NaN, +∞ stays +∞.</summary>
    public static double Log10(double value) =>
        double.IsNaN(value) || value == double.PositiveInfinity ? value : Math.Log10(Math.Max(value, Floor));

    /// <summary>Axis limits around log10 values, at least <paramref name="minDecades"/> wide so a decade tick shows.</summary>
    public static (double Low, double High) Limits(IReadOnlyCollection<double> logValues, double minDecades = 1.2)
    {
        var finite = logValues.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
        {
            return (-1, 1);
        }

        double low = finite.Min();
        double high = finite.Max();
        double pad = Math.Max(0.1 * (high - low), (minDecades - (high - low)) / 2);
        pad = Math.Max(pad, 0.2);
        return (low - pad, high + pad);
    }

    /// <summary>Makes <paramref name="axis"/> a log axis: <see cref="DecadeTicks"/> (a label at every decade, minor ticks).</summary>
    public static void Apply(IAxis axis) => axis.TickGenerator = new DecadeTicks();
}
