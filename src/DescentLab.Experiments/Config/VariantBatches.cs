using DescentLab.Core.Variants;

namespace DescentLab.Experiments.Config;

/// <summary>The batch sizes a variant entry runs with, whether the variant fixes its batch or the config sets it.</summary>
public static class VariantBatches
{
    /// <summary>Samples per update of each setting: [1] for one-sample variants, [null] (all samples) for full-batch ones,
    /// else the configured <see cref="VariantConfig.Batches"/>.</summary>
    public static IReadOnlyList<int?> Of(IVariant variant, VariantConfig config)
    {
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(config);
        return variant.BatchMode switch
        {
            BatchMode.One => [1],
            BatchMode.All => [null],
            _ => config.Batches,
        };
    }
}
