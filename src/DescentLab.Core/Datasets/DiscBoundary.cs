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
    /// <remarks>The circle's points in the box, in angle order; a circle cut by the box edge comes back as one list
    /// with a jump, so plots draw it as points or accept the chord.</remarks>
    public override IReadOnlyList<(double X1, double X2)> Trace(double x1Min, double x1Max, double x2Min, double x2Max, int points)
    {
        double radius = Math.Sqrt(RadiusSquared);
        var inside = new List<(double, double)>(points);
        for (int i = 0; i < points; i++)
        {
            double angle = 2 * Math.PI * i / (points - 1);
            double x1 = Centre1 + radius * Math.Cos(angle);
            double x2 = Centre2 + radius * Math.Sin(angle);
            if (x1 >= x1Min && x1 <= x1Max && x2 >= x2Min && x2 <= x2Max)
            {
                inside.Add((x1, x2));
            }
        }

        return inside;
    }
}
