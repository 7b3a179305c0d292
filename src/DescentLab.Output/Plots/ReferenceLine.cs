using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>A horizontal reference (a target, the rounding floor) drawn as a plain two-point line with its label inside
/// the image, at the right end just above it.</summary>
/// <remarks>Added before the runs so they draw over it; ScottPlot's own axis lines render last, over the data.</remarks>
internal static class ReferenceLine
{
    /// <summary>Adds the line at <paramref name="y"/> from x = 0 to <paramref name="xMax"/>, labelled <paramref name="label"/>.</summary>
    public static void Add(Plot plot, double xMax, double y, Color colour, LinePattern pattern, string label) =>
        Add(plot, 0, xMax, y, colour, pattern, label);

    /// <summary>Adds the line at <paramref name="y"/> from <paramref name="xMin"/> to <paramref name="xMax"/>, labelled <paramref name="label"/>.</summary>
    public static void Add(Plot plot, double xMin, double xMax, double y, Color colour, LinePattern pattern, string label)
    {
        var line = plot.Add.ScatterLine(new[] { xMin, xMax }, new[] { y, y }, colour);
        line.LineWidth = 1.5f;
        line.LinePattern = pattern;
        var text = plot.Add.Text(label, xMax, y);
        text.LabelFontSize = 10;
        text.LabelFontColor = colour.WithAlpha(1.0);
        text.LabelAlignment = Alignment.LowerRight;
    }
}
