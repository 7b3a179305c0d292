using DescentLab.Core.Variants;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>One base colour per variant, the same in every plot, from the Okabe–Ito colour-blind-safe set (plus Paul
/// Tol's olive and green): the variants of one family never share a hue. Shades within a panel: <see cref="PanelShades"/>.</summary>
public static class VariantPalette
{
    private static readonly Color Unknown = Color.FromHex("#000000");

    /// <summary>The colour of <paramref name="variant"/>, as its catalog entry says (black for a name the catalog lacks).</summary>
    public static Color Of(string variant) => VariantCatalog.Find(variant) is { } known ? Color.FromHex(known.Colour) : Unknown;
}
