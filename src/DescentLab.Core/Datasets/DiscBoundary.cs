using System.Globalization;

namespace DescentLab.Core.Datasets;

/// <summary>Class 1 inside the disc <c>(x1 - c1)² + (x2 - c2)² &lt; r²</c>.</summary>
public sealed class DiscBoundary(double centre1, double centre2, double radiusSquared) : ClassBoundary
{
    /// <summary>x1 of the centre.</summary>
    public double Centre1 { get; } = centre1;

    /// <summary>x2 of the centre.</summary>
    public double Centre2 { get; } = centre2;

    /// <summary>Squared radius.</summary>
    public double RadiusSquared { get; } = radiusSquared;

    /// <inheritdoc/>
    public override string Formula => string.Create(CultureInfo.InvariantCulture, $"(x1 - {Centre1})² + (x2 - {Centre2})² = {RadiusSquared}");

    /// <inheritdoc/>
    public override bool IsPositive(double x1, double x2)
    {
        double d1 = x1 - Centre1;
        double d2 = x2 - Centre2;
        return d1 * d1 + d2 * d2 < RadiusSquared;
    }

    /// <inheritdoc/>
    /// <remarks>The circle's points in the box, in angle order, starting just after the box cuts the circle (if it
    /// does), so the one arc inside is drawn without a chord across the cut.</remarks>
    public override IReadOnlyList<(double X1, double X2)> Trace(double x1Min, double x1Max, double x2Min, double x2Max, int points)
    {
        double radius = Math.Sqrt(RadiusSquared);
        var circle = new (double X1, double X2, bool Inside)[points - 1];
        for (int i = 0; i < circle.Length; i++)
        {
            double angle = 2 * Math.PI * i / circle.Length;
            double x1 = Centre1 + radius * Math.Cos(angle);
            double x2 = Centre2 + radius * Math.Sin(angle);
            circle[i] = (x1, x2, x1 >= x1Min && x1 <= x1Max && x2 >= x2Min && x2 <= x2Max);
        }

        int start = Array.FindIndex(circle, p => !p.Inside);
        var inside = new List<(double, double)>(points);
        for (int k = 0; k < circle.Length; k++)
        {
            var p = circle[(Math.Max(start, 0) + k) % circle.Length];
            if (p.Inside)
            {
                inside.Add((p.X1, p.X2));
            }
        }

        if (start < 0 && inside.Count > 0)
        {
            inside.Add(inside[0]);
        }

        return inside;
    }
}
