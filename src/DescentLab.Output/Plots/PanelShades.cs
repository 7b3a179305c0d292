using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>Shades of a variant's base colour for lines that are not settings of the run set (the trend's series).</summary>
/// <remarks>Settings of a run set take their colours from <see cref="SettingPalette"/>. Shades run from 50 % towards
/// white to 35 % towards black, evenly spaced.</remarks>
public static class PanelShades
{
    private const double Lightest = 0.50;
    private const double Darkest = -0.35;

    /// <summary>Shade <paramref name="index"/> of <paramref name="count"/> of <paramref name="colour"/>, lightest first.</summary>
    public static Color Shade(Color colour, int index, int count)
    {
        if (count <= 1)
        {
            return colour;
        }

        double t = Lightest + ((Darkest - Lightest) * index / (count - 1));
        return t < 0 ? colour.MixedWith(Colors.Black, -t) : colour.MixedWith(Colors.White, t);
    }
}
