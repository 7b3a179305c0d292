using DescentLab.Core.Variants;
using Lion;

[assembly: VariantPlugin(typeof(LionPlugin))]

namespace Lion;

/// <summary>The plug-in's entry point: its catalog, one line per variant.</summary>
public sealed class LionPlugin : IVariantPlugin
{
    /// <inheritdoc/>
    public IReadOnlyList<IVariant> Variants { get; } =
    [
        new RuleVariant<LionRule>(
            new("lion", "Lion (Chen et al. 2023): theta -= lr*sign(beta1*m + (1-beta1)*g), decoupled weight decay", "sign descent", "#e6550d", BatchMode.Configurable, LionRule.Parameters),
            h => new LionRule(h["lr"], h["beta1"], h["beta2"], h["weight_decay"])),
    ];
}
