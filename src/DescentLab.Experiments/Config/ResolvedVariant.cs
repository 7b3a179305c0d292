using DescentLab.Core.Variants;

namespace DescentLab.Experiments.Config;

/// <summary>A variant entry: every hyper-parameter (a default as a one-value list) and the samples per update of each setting.</summary>
/// <param name="Name">Catalog key.</param>
/// <param name="Parameters">Values of each hyper-parameter, in the variant's declaration order.</param>
/// <param name="Batch">Samples per update of each setting; null is all samples (written <c>"all"</c>).</param>
/// <param name="Shuffle">Reshuffled each epoch.</param>
public sealed record ResolvedVariant(string Name, IReadOnlyDictionary<string, IReadOnlyList<double>> Parameters, IReadOnlyList<int?> Batch, bool Shuffle)
{
    /// <summary>The resolved form of <paramref name="config"/>.</summary>
    public static ResolvedVariant From(VariantConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var variant = config.Variant;
        var parameters = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        foreach (var parameter in variant.Parameters)
        {
            parameters.Add(parameter.Name, config.Sweeps.FirstOrDefault(s => s.Key == parameter.Name).Value ?? [parameter.Default]);
        }

        return new(config.Name, parameters, VariantBatches.Of(variant, config), config.Shuffle);
    }
}
