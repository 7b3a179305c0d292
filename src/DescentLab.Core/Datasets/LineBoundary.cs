using System.Globalization;

namespace DescentLab.Core.Datasets;

/// <summary>Class 1 where <c>a·x1 + b·x2 + c &gt; 0</c>.</summary>
/// <remarks>Evaluated as <c>a*x1 + b*x2 + c</c>: with a = 1, b = -0.5, c = -0.1 that is bit for bit beans5's boundary
/// <c>x1 - 0.5*x2 - 0.1</c> (multiplying by 1 and negating are exact).</remarks>
public sealed class LineBoundary(double a, double b, double c) : ClassBoundary
{
    /// <summary>Weight of x1.</summary>
    public double A { get; } = a;

    /// <summary>Weight of x2.</summary>
    public double B { get; } = b;

    /// <summary>Offset.</summary>
    public double C { get; } = c;

    /// <inheritdoc/>
    public override string Formula => string.Create(CultureInfo.InvariantCulture, $"{A}·x1 + {B}·x2 + {C} = 0").Replace("+ -", "- ", StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool IsPositive(double x1, double x2) => A * x1 + B * x2 + C > 0;

    /// <inheritdoc/>
    public override IReadOnlyList<(double X1, double X2)> Trace(double x1Min, double x1Max, double x2Min, double x2Max, int points)
    {
        // Clip the line to the box: solve for x2 along x1 when it is not vertical, else the vertical segment.
        if (B == 0)
        {
            double x = -C / A;
            return A == 0 || x < x1Min || x > x1Max ? [] : [(x, x2Min), (x, x2Max)];
        }

        var inside = new List<(double, double)>(2);
        for (int i = 0; i < Math.Max(points, 2); i++)
        {
            double x1 = x1Min + (x1Max - x1Min) * i / (Math.Max(points, 2) - 1);
            double x2 = -(A * x1 + C) / B;
            if (x2 >= x2Min && x2 <= x2Max)
            {
                inside.Add((x1, x2));
            }
        }

        return inside;
    }
}
