using DescentLab.Core.Variants;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>One colour per variant, the same in every plot; a sweep's settings are shades of it.</summary>
public static class VariantPalette
{
    private static readonly Color Unknown = Color.FromHex("#000000");

    /// <summary>The colour of <paramref name="variant"/>, as its catalog entry says (black for a name the catalog lacks).</summary>
    public static Color Of(string variant) => VariantCatalog.Find(variant) is { } known ? Color.FromHex(known.Colour) : Unknown;

    /// <summary>A colour per item: each variant's items get shades of its colour in the given order.</summary>
    public static IReadOnlyDictionary<T, Color> Shades<T>(IReadOnlyList<T> items, Func<T, string> variantOf)
        where T : notnull
    {
        var colours = new Dictionary<T, Color>();
        foreach (var group in items.GroupBy(variantOf))
        {
            var members = group.ToList();
            for (int i = 0; i < members.Count; i++)
            {
                colours[members[i]] = Shade(group.Key, i, members.Count);
            }
        }

        return colours;
    }

    /// <summary>Shade <paramref name="index"/> of <paramref name="count"/> of <paramref name="variant"/>'s colour, darkest first.</summary>
    /// <remarks>Shades run from 30 % towards black to 45 % towards white: wide enough to tell five apart, dark enough not to turn into another variant's hue.</remarks>
    public static Color Shade(string variant, int index, int count)
    {
        var colour = Of(variant);
        if (count <= 1)
        {
            return colour;
        }

        double t = -0.30 + 0.75 * index / (count - 1);
        return t < 0 ? colour.MixedWith(Colors.Black, -t) : colour.MixedWith(Colors.White, t);
    }
}
