using DescentLab.Experiments.Text;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>The frame of a figure over two parameters (paths, error surface): the paths, with the optimum inside only
/// when it is near them, else marked on the nearest edge with its true coordinates.</summary>
internal static class PathFrame
{
    /// <summary>The region to draw: every path that did not diverge, padded, and the optimum when it lies within a path
    /// box's width of them (a far optimum would shrink every path to a dot; it is marked on the edge instead).</summary>
    public static CoordinateRect Of(IEnumerable<Coordinates> pathPoints, double[]? optimum, out bool optimumInside)
    {
        var points = pathPoints.ToList();
        optimumInside = optimum is not null;
        if (points.Count == 0)
        {
            return optimum is null ? new CoordinateRect(-1, 1, -1, 1) : new CoordinateRect(optimum[0] - 1, optimum[0] + 1, optimum[1] - 1, optimum[1] + 1);
        }

        double left = points.Min(c => c.X);
        double right = points.Max(c => c.X);
        double bottom = points.Min(c => c.Y);
        double top = points.Max(c => c.Y);
        if (optimum is not null)
        {
            double reachX = Math.Max(right - left, 0.2);
            double reachY = Math.Max(top - bottom, 0.2);
            optimumInside = optimum[0] >= left - reachX && optimum[0] <= right + reachX && optimum[1] >= bottom - reachY && optimum[1] <= top + reachY;
            if (optimumInside)
            {
                left = Math.Min(left, optimum[0]);
                right = Math.Max(right, optimum[0]);
                bottom = Math.Min(bottom, optimum[1]);
                top = Math.Max(top, optimum[1]);
            }
        }

        double padX = Math.Max(right - left, 0.2) * 0.15;
        double padY = Math.Max(top - bottom, 0.2) * 0.15;
        return new CoordinateRect(left - padX, right + padX, bottom - padY, top + padY);
    }

    /// <summary>The optimum as a black diamond; one outside the frame as a hollow diamond on the nearest edge, labelled
    /// with where it really is.</summary>
    public static void AddOptimum(Plot plot, double[] optimum, CoordinateRect box, bool inside, string label, IReadOnlyList<string> names)
    {
        if (inside)
        {
            var star = plot.Add.Marker(optimum[0], optimum[1], MarkerShape.FilledDiamond, 12, Colors.Black);
            star.LegendText = label;
            return;
        }

        double insetX = (box.Right - box.Left) * 0.03;
        double insetY = (box.Top - box.Bottom) * 0.03;
        double x = Math.Clamp(optimum[0], box.Left + insetX, box.Right - insetX);
        double y = Math.Clamp(optimum[1], box.Bottom + insetY, box.Top - insetY);
        var edge = plot.Add.Marker(x, y, MarkerShape.OpenDiamond, 12, Colors.Black);
        edge.LegendText = label + " off frame at " + names[0] + " = " + Number(optimum[0]) + ", " + names[1] + " = " + Number(optimum[1]);
        var text = plot.Add.Text(names[0] + " = " + Number(optimum[0]) + ", " + names[1] + " = " + Number(optimum[1]), x, y);
        text.LabelFontSize = 11;
        text.LabelFontColor = Colors.Black;
        text.LabelBackgroundColor = Colors.White.WithAlpha(0.8);
        text.LabelAlignment = (x > (box.Left + box.Right) / 2, y > (box.Bottom + box.Top) / 2) switch
        {
            (true, true) => Alignment.UpperRight,
            (true, false) => Alignment.LowerRight,
            (false, true) => Alignment.UpperLeft,
            (false, false) => Alignment.LowerLeft,
        };
        text.OffsetY = y > (box.Bottom + box.Top) / 2 ? 10 : -10;
    }

    private static string Number(double value) => HumanNumber.Format(value);
}
