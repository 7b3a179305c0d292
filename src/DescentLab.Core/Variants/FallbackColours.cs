namespace DescentLab.Core.Variants;

/// <summary>Colours for variants that declare none (an external process may leave its colour out, and a manifest written
/// before variants recorded theirs has none): ColorBrewer's Dark2, eight hues that read on white and are not black.</summary>
public static class FallbackColours
{
    /// <summary>The colours, in the order they are handed out.</summary>
    public static IReadOnlyList<string> All { get; } = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"];

    /// <summary>The colour of each variant: its own when it has one; otherwise, in list order, the first of <see cref="All"/>
    /// that no other variant of its family has (a family is one plot panel), so the lines of a panel stay apart.</summary>
    /// <remarks>Declared colours are reserved before any is handed out, so an undeclared variant never takes the colour a
    /// later one declares. A family with more undeclared variants than free colours reuses them in order.</remarks>
    public static IReadOnlyList<string> Fill(IReadOnlyList<(string Family, string? Colour)> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var taken = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (family, colour) in variants)
        {
            InFamily(taken, family).Add(colour?.ToLowerInvariant() ?? string.Empty);
        }

        var colours = new string[variants.Count];
        var handedOut = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < variants.Count; i++)
        {
            var (family, colour) = variants[i];
            if (colour is not null)
            {
                colours[i] = colour;
                continue;
            }

            var used = InFamily(taken, family);
            string? free = All.FirstOrDefault(c => !used.Contains(c));
            if (free is null)
            {
                int next = handedOut.GetValueOrDefault(family);
                handedOut[family] = next + 1;
                free = All[next % All.Count];
            }

            used.Add(free);
            colours[i] = free;
        }

        return colours;
    }

    private static HashSet<string> InFamily(Dictionary<string, HashSet<string>> taken, string family)
    {
        if (!taken.TryGetValue(family, out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            taken[family] = set;
        }

        return set;
    }
}
