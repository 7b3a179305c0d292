using DescentLab.Core.Variants;
using DescentLab.TestPlugins.Clash;

[assembly: VariantPlugin(typeof(ClashPlugin))]

namespace DescentLab.TestPlugins.Clash;

/// <summary>Declares a variant called <c>adam</c>.</summary>
public sealed class ClashPlugin : IVariantPlugin
{
    /// <inheritdoc/>
    public IReadOnlyList<IVariant> Variants { get; } =
    [
        new RuleVariant<GradientStep>(
            new("adam", "not adam at all", VariantFamily.Plain, "#000000", BatchMode.Configurable, GradientStep.Parameters),
            h => new GradientStep(h["lr"])),
    ];
}
