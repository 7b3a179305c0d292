using DescentLab.Experiments.Config.Nodes;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>A valid dataset entry, where it was written, and its own model list (null: the top-level one).</summary>
internal sealed record ParsedDataset(DatasetConfig Config, ConfigNode Node, string Path, IReadOnlyList<ParsedModel>? Models);
