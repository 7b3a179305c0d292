using ScottPlot;
using ScottPlot.Plottables;

namespace DescentLab.Output.Plots;

/// <summary>A setting's marker (<see cref="SettingPalette"/>) on its line: on every point of a short line, else at a few
/// evenly spaced points, so two lines that overlap (momentum and nesterov) still show both.</summary>
internal static class SettingMarks
{
    /// <summary>Lines with at most this many points carry a marker on each.</summary>
    private const int MarkEveryPointUpTo = 12;

    /// <summary>Marks along a longer line.</summary>
    private const int Marks = 8;

    private const float Size = 7;

    /// <summary>Marks <paramref name="line"/> (points <paramref name="xs"/>, <paramref name="ys"/>) with <paramref name="marker"/>.</summary>
    /// <remarks>Marks of a long line start at a point offset by the marker's own index, so the marks of settings that
    /// share a path do not land on each other.</remarks>
    public static void Add(Plot plot, Scatter line, double[] xs, double[] ys, MarkerShape marker)
    {
        if (xs.Length <= MarkEveryPointUpTo)
        {
            line.MarkerShape = marker;
            line.MarkerSize = Size;
            return;
        }

        int stride = xs.Length / Marks;
        int offset = (int)marker % stride;
        var indices = Enumerable.Range(0, Marks).Select(i => offset + (i * stride)).Where(i => i < xs.Length && double.IsFinite(ys[i])).ToArray();
        var marks = plot.Add.ScatterPoints(indices.Select(i => xs[i]).ToArray(), indices.Select(i => ys[i]).ToArray(), line.Color);
        marks.MarkerShape = marker;
        marks.MarkerSize = Size;
    }
}
