using DescentLab.Core.Datasets;

namespace DescentLab.Experiments.Results;

/// <summary>A dataset instance used by a run set.</summary>
/// <param name="Key">Unique key within the run set, e.g. <c>beans1-n100-s1</c>.</param>
/// <param name="Identity">Recipe, n, seed or source, and content hash.</param>
/// <param name="Stored">Whether data/&lt;key&gt;.csv was written. When not, readers regenerate a recipe's samples from
/// (recipe, n, seed) or re-read a user's file from its source path, and check the content hash either way.</param>
public sealed record DatasetInfo(string Key, DatasetIdentity Identity, bool Stored = true);
