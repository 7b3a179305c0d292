using DescentLab.Experiments.Config.Nodes;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>One batch size of a variant (null: all samples) and where it came from, for errors against a dataset's n.</summary>
/// <param name="Size">Samples per update, or null for all.</param>
/// <param name="Node">The value, or the variant entry for a default.</param>
/// <param name="Path">Key path of <paramref name="Node"/>.</param>
/// <param name="IsDefault">True when the config gave no batch and the variant's default applies.</param>
internal sealed record BatchSource(int? Size, ConfigNode Node, string Path, bool IsDefault = false);
