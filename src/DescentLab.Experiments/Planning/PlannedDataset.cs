using DescentLab.Core.Datasets;

namespace DescentLab.Experiments.Planning;

/// <summary>A dataset instance of the plan: generated (one per recipe, n and seed) or read from a file (one per file).</summary>
/// <param name="Key">Unique key, e.g. <c>beans1-n100-s1</c> or <c>my_beans</c>.</param>
/// <param name="Data">The samples.</param>
public sealed record PlannedDataset(string Key, Dataset Data);
