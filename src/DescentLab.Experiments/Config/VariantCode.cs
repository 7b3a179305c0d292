using DescentLab.Experiments.External;
using DescentLab.Experiments.Plugins;

namespace DescentLab.Experiments.Config;

/// <summary>Which code ran each variant that is not built in, as one line per variant that can be compared: the plug-in
/// assembly's or the external command's files' SHA-256.</summary>
/// <remarks>A resumed set and merged shards must have run the same code throughout; these lines are what they compare.</remarks>
public static class VariantCode
{
    /// <summary>Variant name → <c>plug-in PATH (SHA-256 …)</c> or <c>external 'CMD' (FILE SHA-256 …)</c>; built-ins left out.</summary>
    public static IReadOnlyDictionary<string, string> Of(IReadOnlyList<ResolvedVariant> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var code = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            if (Line(variant.Plugin, variant.External) is { } line)
            {
                code[variant.Name] = line;
            }
        }

        return code;
    }

    /// <summary>The first variant (by name) whose code differs between <paramref name="before"/> and <paramref name="after"/>,
    /// said as <c>variant 'lion': plug-in … then, plug-in … now</c> (with <paramref name="beforeLabel"/> and
    /// <paramref name="afterLabel"/>); null when they agree.</summary>
    public static string? Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, string beforeLabel = "then", string afterLabel = "now")
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        foreach (string name in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            string then = before.GetValueOrDefault(name) ?? "built in or absent";
            string now = after.GetValueOrDefault(name) ?? "built in or absent";
            if (then != now)
            {
                return $"variant '{name}': {then} {beforeLabel}, {now} {afterLabel}";
            }
        }

        return null;
    }

    private static string? Line(PluginOrigin? plugin, ExternalOrigin? external) =>
        plugin is not null ? $"plug-in {plugin.Path} (SHA-256 {plugin.Sha256})"
        : external is not null ? $"external '{string.Join(' ', external.Command)}' ({string.Join(", ", external.Files.Select(f => $"{f.Path} SHA-256 {f.Sha256}"))})"
        : null;
}
