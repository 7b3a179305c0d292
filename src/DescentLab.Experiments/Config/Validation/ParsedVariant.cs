using DescentLab.Core.Variants;
using DescentLab.Experiments.Config.Nodes;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>A valid variant entry, where it was written, and where each of its batch sizes came from.</summary>
internal sealed record ParsedVariant(VariantConfig Config, IVariant Variant, ConfigNode Node, string Path, IReadOnlyList<BatchSource> BatchSources);
