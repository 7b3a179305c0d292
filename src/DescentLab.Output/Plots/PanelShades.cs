using DescentLab.Experiments.Analysis;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>How the lines of one panel get their colours: each variant keeps its base colour (<see cref="VariantStyles"/>),
/// and the settings of one variant are shades of it, ordered light to dark by learning rate (smallest lr lightest).</summary>
/// <remarks>Shades run from 50 % towards white to 35 % towards black, evenly spaced: three shades of one hue differ in
/// lightness by about 25 CIELAB units, so a sweep reads as one ordered family, and different variants of a panel differ in
/// hue. Plots that put several families on one axis also vary the line pattern by family (<see cref="PatternOf"/>).</remarks>
public static class PanelShades
{
    private const double Lightest = 0.50;
    private const double Darkest = -0.35;

    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.DenselyDashed, LinePattern.Dotted];

    /// <summary>A colour per item; items of one variant get shades of its colour, light to dark by learning rate (then in
    /// the given order).</summary>
    public static IReadOnlyDictionary<T, Color> Of<T>(IReadOnlyList<T> items, Func<T, VariantSetting> settingOf, VariantStyles styles)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(styles);
        var colours = new Dictionary<T, Color>();
        foreach (var group in items.GroupBy(i => settingOf(i).Variant))
        {
            var members = group.Select((item, index) => (item, index)).OrderBy(m => settingOf(m.item).Lr ?? 0).ThenBy(m => m.index).ToList();
            for (int i = 0; i < members.Count; i++)
            {
                colours[members[i].item] = Shade(styles.ColourOf(group.Key), i, members.Count);
            }
        }

        return colours;
    }

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

    /// <summary>The line pattern of <paramref name="variant"/>'s family, for plots with every family on one axis.</summary>
    public static LinePattern PatternOf(string variant, VariantStyles styles) => Patterns[VariantFamilies.IndexOf(variant, styles) % Patterns.Length];
}
