using DescentLab.Core.Variants;
using DescentLab.TestPlugins;

[assembly: VariantPlugin(typeof(TestPlugin))]

namespace DescentLab.TestPlugins;

/// <summary>The test plug-in's catalog.</summary>
public sealed class TestPlugin : IVariantPlugin
{
    /// <inheritdoc/>
    public IReadOnlyList<IVariant> Variants { get; } =
    [
        new RuleVariant<AdamCopyRule>(
            new("adam_copy", "the built-in adam, compiled into a plug-in", VariantFamily.Adaptive, "#6b6ecf", BatchMode.Configurable, AdamCopyRule.Parameters),
            h => new AdamCopyRule(h["lr"], h["beta1"], h["beta2"], h["eps"])),
        new RuleVariant<FaultyRule>(
            new("faulty_throws", "throws on step 'at'", "faults", "#000000", BatchMode.Configurable, FaultyRule.Parameters),
            h => new FaultyRule(Fault.Throws, h["at"])),
        new RuleVariant<FaultyRule>(
            new("faulty_nan", "writes NaN parameters on step 'at'", "faults", "#333333", BatchMode.Configurable, FaultyRule.Parameters),
            h => new FaultyRule(Fault.Nan, h["at"])),
        new RuleVariant<FaultyRule>(
            new("faulty_hangs", "never returns from step 'at'", "faults", "#666666", BatchMode.Configurable, FaultyRule.Parameters),
            h => new FaultyRule(Fault.Hangs, h["at"])),
    ];
}
