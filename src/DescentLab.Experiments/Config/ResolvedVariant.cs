using System.Text.Json.Serialization;
using DescentLab.Core.Tuning;
using DescentLab.Experiments.External;
using DescentLab.Experiments.Plugins;

namespace DescentLab.Experiments.Config;

/// <summary>A variant entry: every hyper-parameter (a default as a one-value list) and the samples per update of each
/// setting, the family and colour its plots use, and where a variant that is not built in came from.</summary>
/// <param name="Name">Catalog key.</param>
/// <param name="Parameters">Values of each hyper-parameter, in the variant's declaration order.</param>
/// <param name="Batch">Samples per update of each setting; null is all samples (written <c>"all"</c>).</param>
/// <param name="Shuffle">Reshuffled each epoch.</param>
/// <param name="Family">Plot family (panel); null in manifests written before variants recorded it (then the built-in
/// catalog's).</param>
/// <param name="Colour">Base colour in plots, <c>#rrggbb</c>; null in such manifests.</param>
/// <param name="Plugin">The plug-in assembly of a plug-in variant (left out otherwise).</param>
/// <param name="External">The command of an external variant and its files' digests (left out otherwise).</param>
/// <param name="Space">The search space its trials were drawn from, when the config tunes (left out otherwise).</param>
public sealed record ResolvedVariant(
    string Name,
    IReadOnlyDictionary<string, IReadOnlyList<double>> Parameters,
    IReadOnlyList<int?> Batch,
    bool Shuffle,
    string? Family = null,
    string? Colour = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PluginOrigin? Plugin = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ExternalOrigin? External = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SearchDimension>? Space = null)
{
    /// <summary>The resolved form of <paramref name="config"/>; <paramref name="plugins"/> are the config's plug-ins.</summary>
    public static ResolvedVariant From(VariantConfig config, IReadOnlyList<LoadedPlugin> plugins)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plugins);
        var variant = config.Variant;
        var parameters = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        foreach (var parameter in variant.Parameters)
        {
            parameters.Add(parameter.Name, config.Sweeps.FirstOrDefault(s => s.Key == parameter.Name).Value ?? [parameter.Default]);
        }

        return new(
            config.Name,
            parameters,
            VariantBatches.Of(variant, config),
            config.Shuffle,
            variant.Family,
            variant.Colour,
            plugins.FirstOrDefault(p => p.Variants.Contains(variant))?.Origin,
            (variant as ExternalVariant)?.Origin,
            config.Space);
    }
}
