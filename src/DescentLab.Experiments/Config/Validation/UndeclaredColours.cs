using DescentLab.Core.Variants;
using DescentLab.Experiments.External;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Hands a colour to each external variant that declares none: one that no other variant of its family in this
/// config has (<see cref="FallbackColours.Fill"/>), so it is told apart in its panel and the manifest records it.</summary>
internal static class UndeclaredColours
{
    /// <summary><paramref name="variants"/> with every external variant's colour settled; entries of one variant share it.</summary>
    public static IReadOnlyList<VariantConfig> Assign(IReadOnlyList<VariantConfig> variants)
    {
        var distinct = variants.Select(v => v.Variant).DistinctBy(v => v.Name).ToList();
        var colours = FallbackColours.Fill([.. distinct.Select(v => (v.Family, v is ExternalVariant { HasColour: false } ? null : (string?)v.Colour))]);
        var settled = new Dictionary<string, IVariant>(StringComparer.Ordinal);
        for (int i = 0; i < distinct.Count; i++)
        {
            settled[distinct[i].Name] = distinct[i] is ExternalVariant { HasColour: false } external ? external.WithColour(colours[i]) : distinct[i];
        }

        return [.. variants.Select(v => ReferenceEquals(settled[v.Name], v.Variant) ? v : v with { Variant = settled[v.Name] })];
    }
}
