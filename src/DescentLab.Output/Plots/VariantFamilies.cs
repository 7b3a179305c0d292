namespace DescentLab.Output.Plots;

/// <summary>Groups variants into families, one small-multiple panel each, so no panel carries more than about six lines (SPEC §8).</summary>
public static class VariantFamilies
{
    /// <summary>Most lines a panel carries; a larger family is split over several panels.</summary>
    public const int MaxLinesPerPanel = 6;

    private static readonly (string Family, string[] Variants)[] Families =
    [
        ("plain gradient descent", ["closed_form", "batch", "sgd", "minibatch", "fixed_step", "rosenblatt"]),
        ("momentum", ["momentum", "nesterov"]),
        ("adaptive", ["adagrad", "rmsprop", "adam"]),
        ("line search", ["line_search"]),
    ];

    private const string OtherFamily = "other";

    /// <summary>The family of <paramref name="variant"/>.</summary>
    public static string Of(string variant)
    {
        foreach (var (family, variants) in Families)
        {
            if (variants.Contains(variant, StringComparer.Ordinal))
            {
                return family;
            }
        }

        return OtherFamily;
    }

    /// <summary>Splits <paramref name="items"/> into panels: by family in family order, items in their given order, at
    /// most <see cref="MaxLinesPerPanel"/> per panel (a split family's panels are titled "family (1/2)", ...).</summary>
    public static IReadOnlyList<Panel<T>> Panels<T>(IReadOnlyList<T> items, Func<T, string> variantOf)
    {
        var order = Families.Select(f => f.Family).Append(OtherFamily).ToList();
        var panels = new List<Panel<T>>();
        foreach (var group in items.GroupBy(i => Of(variantOf(i))).OrderBy(g => order.IndexOf(g.Key)))
        {
            // Balanced chunks: eight lines become 4 + 4, not 6 + 2.
            int parts = (group.Count() + MaxLinesPerPanel - 1) / MaxLinesPerPanel;
            var chunks = group.Chunk((group.Count() + parts - 1) / parts).ToList();
            for (int i = 0; i < chunks.Count; i++)
            {
                string title = chunks.Count == 1 ? group.Key : $"{group.Key} ({i + 1}/{chunks.Count})";
                panels.Add(new Panel<T>(title, chunks[i]));
            }
        }

        return panels;
    }
}
