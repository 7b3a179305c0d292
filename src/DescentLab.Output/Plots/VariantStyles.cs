using DescentLab.Core.Variants;
using DescentLab.Experiments.Results;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>The family (plot panel) and base colour of each variant of a run set, as its manifest records them: the
/// built-in catalog's, a plug-in's or an external process's own, or the one the config handed out.</summary>
/// <remarks>A manifest written before variants recorded theirs falls back to the built-in catalog; a variant that neither
/// knows (a plug-in or external variant of such a manifest, or one that only history's trend names) is drawn in the
/// family "other", in a colour no other variant of that family has (<see cref="FallbackColours"/>), never black.</remarks>
public sealed class VariantStyles
{
    /// <summary>The family of a variant that nothing describes.</summary>
    public const string OtherFamily = "other";

    private readonly Dictionary<string, (string Family, Color Colour)> _styles;

    private VariantStyles(Dictionary<string, (string Family, Color Colour)> styles) => _styles = styles;

    /// <summary>The styles of the built-in variants alone.</summary>
    public static VariantStyles BuiltIn { get; } = Of([]);

    /// <summary>The styles of every variant <paramref name="set"/> names: its manifest's variants, then its rows' and its
    /// trend's (in that order, which decides who gets which fallback colour).</summary>
    public static VariantStyles From(RunSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return OfSets.Of(set);
    }

    private static readonly PerRunSet<VariantStyles> OfSets = new(set =>
    {
        var declared = set.Manifest.ResolvedConfig.Variants.Select(v => (v.Name, v.Family, v.Colour));
        var named = set.Rows.Select(r => r.Variant).Concat(set.Trend.Select(t => t.Variant)).Select(n => (n, (string?)null, (string?)null));
        return Of(declared.Concat(named));
    });

    /// <summary>The styles of <paramref name="variants"/> (name, recorded family or null, recorded colour or null), and of
    /// every built-in variant.</summary>
    public static VariantStyles Of(IEnumerable<(string Name, string? Family, string? Colour)> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var distinct = variants.DistinctBy(v => v.Name).ToList();
        var names = distinct.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        distinct.AddRange(VariantCatalog.All.Where(v => !names.Contains(v.Name)).Select(v => (v.Name, (string?)null, (string?)null)));
        var filled = distinct.Select(v => VariantCatalog.Find(v.Name) is { } known
            ? (v.Name, Family: v.Family ?? known.Family, Colour: v.Colour ?? known.Colour)
            : (v.Name, Family: v.Family ?? OtherFamily, v.Colour)).ToList();
        var colours = FallbackColours.Fill([.. filled.Select(v => (v.Family, v.Colour))]);
        var styles = new Dictionary<string, (string, Color)>(StringComparer.Ordinal);
        for (int i = 0; i < filled.Count; i++)
        {
            styles[filled[i].Name] = (filled[i].Family, Color.FromHex(colours[i]));
        }

        return new VariantStyles(styles);
    }

    /// <summary>The family of <paramref name="variant"/> (<see cref="OtherFamily"/> for a name this run set does not know).</summary>
    public string FamilyOf(string variant) => _styles.TryGetValue(variant, out var style) ? style.Family : OtherFamily;

    /// <summary>The base colour of <paramref name="variant"/> (the first fallback colour for a name this run set does not know).</summary>
    public Color ColourOf(string variant) => _styles.TryGetValue(variant, out var style) ? style.Colour : Color.FromHex(FallbackColours.All[0]);
}
