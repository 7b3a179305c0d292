using System.Globalization;
using DescentLab.Core.Variants;

namespace DescentLab.Output.Plots;

/// <summary>Groups variants into families, one small-multiple panel each, so no panel carries more than about six lines.</summary>
public static class VariantFamilies
{
    /// <summary>Most lines a panel carries; a larger family is split over several panels.</summary>
    public const int MaxLinesPerPanel = 6;

    /// <summary>Most settings of one variant that a figure draws; a larger sweep is drawn as that many evenly spaced
    /// settings (first and last included), so figure size and legends stay bounded however many values a sweep has.</summary>
    public const int MaxSettingsPerVariant = 2 * MaxLinesPerPanel;

    /// <summary>Position of <paramref name="variant"/>'s family in family order (families of their own after the known ones).</summary>
    public static int IndexOf(string variant, VariantStyles styles)
    {
        ArgumentNullException.ThrowIfNull(styles);
        return Rank(styles.FamilyOf(variant));
    }

    /// <summary>Splits <paramref name="items"/> into panels: by family (<paramref name="styles"/>) in family order, at most
    /// <see cref="MaxLinesPerPanel"/> per panel; a split family's panels are titled "family (1/2)", ....</summary>
    /// <remarks>Within a family the items are grouped by variant (first appearance first), and a variant's sweep stays
    /// in one panel unless it alone has more than <see cref="MaxLinesPerPanel"/> settings. A variant with more than
    /// <see cref="MaxSettingsPerVariant"/> items keeps an evenly spaced sample of them.</remarks>
    public static IReadOnlyList<Panel<T>> Panels<T>(IReadOnlyList<T> items, Func<T, string> variantOf, VariantStyles styles)
    {
        ArgumentNullException.ThrowIfNull(styles);
        var panels = new List<Panel<T>>();
        foreach (var family in items.GroupBy(i => styles.FamilyOf(variantOf(i))).OrderBy(g => Rank(g.Key)))
        {
            var variants = family.GroupBy(variantOf).ToList();
            var blocks = variants.Select(v => EvenSample.Of(v.ToList(), MaxSettingsPerVariant)).SelectMany(Balanced).ToList();
            string sampled = string.Join(", ", variants.Where(v => v.Count() > MaxSettingsPerVariant)
                .Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key}: {MaxSettingsPerVariant} of {v.Count()} settings")));
            var chunks = Pack(blocks);
            for (int i = 0; i < chunks.Count; i++)
            {
                string title = chunks.Count == 1 ? family.Key : $"{family.Key} ({i + 1}/{chunks.Count})";
                panels.Add(new Panel<T>(title, chunks[i]) { Sampled = sampled.Length == 0 ? null : sampled });
            }
        }

        return panels;
    }

    /// <summary>At most <see cref="MaxSettingsPerVariant"/> of each variant's <paramref name="items"/> (evenly spaced, in
    /// their order), for a figure that draws every setting on one axis; <c>Note</c> says what was left out
    /// (<c>sgd: 12 of 4000 settings</c>) and is empty when nothing was.</summary>
    public static (IReadOnlyList<T> Items, string Note) Sample<T>(IReadOnlyList<T> items, Func<T, string> variantOf)
    {
        var variants = Enumerable.Range(0, items.Count).GroupBy(i => variantOf(items[i])).ToList();
        var kept = variants.SelectMany(v => EvenSample.Of(v.ToList(), MaxSettingsPerVariant)).Order().Select(i => items[i]).ToList();
        string note = string.Join(", ", variants.Where(v => v.Count() > MaxSettingsPerVariant)
            .Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key}: {MaxSettingsPerVariant} of {v.Count()} settings")));
        return (kept, note);
    }

    /// <summary>Known families in <see cref="VariantFamily.Order"/>, then any other (OrderBy is stable: first appearance).</summary>
    private static int Rank(string family)
    {
        int index = VariantFamily.Order.ToList().IndexOf(family);
        return index < 0 ? VariantFamily.Order.Count : index;
    }

    /// <summary>A run of items cut into near-equal pieces of at most <see cref="MaxLinesPerPanel"/> (eight become 4 + 4).</summary>
    private static IEnumerable<T[]> Balanced<T>(IEnumerable<T> run)
    {
        var all = run.ToArray();
        int parts = (all.Length + MaxLinesPerPanel - 1) / MaxLinesPerPanel;
        return all.Chunk((all.Length + parts - 1) / parts);
    }

    /// <summary>Packs consecutive blocks into the fewest panels, then the smallest largest panel, never splitting a block.</summary>
    private static List<List<T>> Pack<T>(List<T[]> blocks)
    {
        int total = blocks.Sum(b => b.Length);
        for (int parts = (total + MaxLinesPerPanel - 1) / MaxLinesPerPanel; ; parts++)
        {
            for (int capacity = (total + parts - 1) / parts; capacity <= MaxLinesPerPanel; capacity++)
            {
                var panels = Greedy(blocks, capacity);
                if (panels is not null && panels.Count <= parts)
                {
                    return panels;
                }
            }
        }
    }

    /// <summary>Fills panels of <paramref name="capacity"/> in order; null if a block does not fit.</summary>
    private static List<List<T>>? Greedy<T>(List<T[]> blocks, int capacity)
    {
        var panels = new List<List<T>> { new() };
        foreach (var block in blocks)
        {
            if (block.Length > capacity)
            {
                return null;
            }

            if (panels[^1].Count + block.Length > capacity)
            {
                panels.Add([]);
            }

            panels[^1].AddRange(block);
        }

        return panels;
    }
}
