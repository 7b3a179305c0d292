using DescentLab.Core.Datasets;

namespace DescentLab.Experiments.Results;

/// <summary>A dataset instance used by a run set.</summary>
/// <param name="Key">Unique key within the run set, e.g. <c>beans1-n100-s1</c>.</param>
/// <param name="Identity">Recipe, n, seed or source, and content hash.</param>
public sealed record DatasetInfo(string Key, DatasetIdentity Identity);
