using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>The learned 0.5 level of a 2-D classifier, traced on a grid (marching squares), for any model.</summary>
internal static class DecisionBoundary
{
    /// <summary>Line segments where <paramref name="probability"/> crosses 0.5 inside <paramref name="area"/>, on a grid of
    /// <paramref name="cells"/> × <paramref name="cells"/>; each end placed by linear interpolation along a cell edge.</summary>
    public static IReadOnlyList<(Coordinates A, Coordinates B)> Segments(Func<double, double, double> probability, CoordinateRect area, int cells)
    {
        double dx = (area.Right - area.Left) / cells;
        double dy = (area.Top - area.Bottom) / cells;
        var level = new double[cells + 1, cells + 1];
        for (int i = 0; i <= cells; i++)
        {
            for (int j = 0; j <= cells; j++)
            {
                level[i, j] = probability(area.Left + i * dx, area.Bottom + j * dy) - 0.5;
            }
        }

        var segments = new List<(Coordinates, Coordinates)>();
        var crossings = new List<Coordinates>(4);
        for (int i = 0; i < cells; i++)
        {
            for (int j = 0; j < cells; j++)
            {
                double x = area.Left + i * dx;
                double y = area.Bottom + j * dy;
                double a = level[i, j];
                double b = level[i + 1, j];
                double c = level[i + 1, j + 1];
                double d = level[i, j + 1];
                crossings.Clear();
                Cross(a, b, new Coordinates(x, y), new Coordinates(x + dx, y), crossings);
                Cross(b, c, new Coordinates(x + dx, y), new Coordinates(x + dx, y + dy), crossings);
                Cross(c, d, new Coordinates(x + dx, y + dy), new Coordinates(x, y + dy), crossings);
                Cross(d, a, new Coordinates(x, y + dy), new Coordinates(x, y), crossings);
                if (crossings.Count == 2)
                {
                    segments.Add((crossings[0], crossings[1]));
                }
                else if (crossings.Count == 4)
                {
                    // A saddle: pair the crossings so the centre's side is kept connected.
                    bool centreAbove = (a + b + c + d) / 4 >= 0;
                    bool firstAbove = a >= 0;
                    segments.Add(centreAbove == firstAbove ? (crossings[0], crossings[3]) : (crossings[0], crossings[1]));
                    segments.Add(centreAbove == firstAbove ? (crossings[1], crossings[2]) : (crossings[2], crossings[3]));
                }
            }
        }

        return segments;
    }

    private static void Cross(double from, double to, Coordinates start, Coordinates end, List<Coordinates> crossings)
    {
        if (!double.IsFinite(from) || !double.IsFinite(to) || (from >= 0) == (to >= 0))
        {
            return;
        }

        double t = from / (from - to);
        crossings.Add(new Coordinates(start.X + t * (end.X - start.X), start.Y + t * (end.Y - start.Y)));
    }
}
