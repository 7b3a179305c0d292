namespace DescentLab.Output.Plots;

/// <summary>An empirical distribution drawn as a horizontal-step line: 0 at the left edge, up by 1/denominator at each
/// value, flat to the right edge.</summary>
internal static class StepCurve
{
    /// <summary>The corner points for ascending <paramref name="sortedX"/> (already on the plotted scale).</summary>
    public static (double[] X, double[] Y) Of(IReadOnlyList<double> sortedX, int denominator, double left, double right)
    {
        var xs = new List<double>(sortedX.Count + 2) { left };
        var ys = new List<double>(sortedX.Count + 2) { 0 };
        for (int i = 0; i < sortedX.Count; i++)
        {
            xs.Add(sortedX[i]);
            ys.Add((i + 1) / (double)Math.Max(1, denominator));
        }

        xs.Add(right);
        ys.Add(ys[^1]);
        return ([.. xs], [.. ys]);
    }
}
