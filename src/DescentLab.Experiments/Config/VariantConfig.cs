using DescentLab.Core.Tuning;
using DescentLab.Core.Variants;

namespace DescentLab.Experiments.Config;

/// <summary>One variant entry with its (possibly swept) settings.</summary>
/// <param name="Name">Catalog key.</param>
/// <param name="Sweeps">Hyper-parameters given in the config, in config order, each with one or more values (a list sweeps).</param>
/// <param name="Batches">Batch sizes to sweep; null in the list means all samples. Empty when the variant fixes its batch.</param>
/// <param name="Shuffle">Reshuffle each epoch (seeded by the run's seed).</param>
/// <param name="Variant">The variant the name resolved to: built-in, from a plug-in, or an external process.</param>
/// <param name="Space">What <c>tune:</c> samples: the variant's default space with the config's ranges in place of its
/// defaults and without the hyper-parameters the config fixes; null when the config does not tune.</param>
public sealed record VariantConfig(
    string Name,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<double>>> Sweeps,
    IReadOnlyList<int?> Batches,
    bool Shuffle,
    IVariant Variant,
    IReadOnlyList<SearchDimension>? Space = null);
