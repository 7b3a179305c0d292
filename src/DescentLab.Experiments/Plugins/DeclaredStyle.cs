using System.Text.RegularExpressions;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config.Validation;

namespace DescentLab.Experiments.Plugins;

/// <summary>The rules for the plot family and colour a plug-in or an external process declares for its variant.</summary>
/// <remarks>A family is one of <see cref="VariantFamily.Order"/> or a name of its own, which opens a panel of its own; a
/// near-miss of a known family (<c>Adaptive</c>, <c>momentun</c>) would silently do that too, so it is refused with the
/// known name.</remarks>
public static partial class DeclaredStyle
{
    /// <summary>Longest family name: it titles a plot panel.</summary>
    public const int MaxFamilyLength = 40;

    /// <summary>Why <paramref name="family"/> is refused, or null when it is fine.</summary>
    public static string? FamilyError(string? family)
    {
        if (string.IsNullOrWhiteSpace(family))
        {
            return "family must not be empty";
        }

        if (VariantFamily.Order.Contains(family, StringComparer.Ordinal))
        {
            return null;
        }

        if (family.Length > MaxFamilyLength || family.Any(char.IsControl) || family != family.Trim())
        {
            return $"family '{family}' must be at most {MaxFamilyLength} characters, without control characters or outer spaces";
        }

        // Within two edits of a known family (a prefix alone is a family of its own: "adaptive (mine)").
        return Suggestions.Closest(family, VariantFamily.Order) is { } known && Math.Abs(known.Length - family.Length) <= 2
            ? $"unknown family '{family}' (did you mean '{known}'?); known families: {string.Join(", ", VariantFamily.Order)}, or a name of your own that is not this close to one of them"
            : null;
    }

    /// <summary>Why <paramref name="colour"/> is refused (not <c>#rrggbb</c>), or null when it is fine.</summary>
    public static string? ColourError(string? colour) =>
        colour is not null && ColourPattern().IsMatch(colour) ? null : $"colour must be '#rrggbb' (six hex digits), got '{colour}'";

    [GeneratedRegex("^#[0-9a-fA-F]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex ColourPattern();
}
